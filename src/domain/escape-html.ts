/**
 * The one HTML escape of the project: every text from a file or a person that ends up inside HTML
 * (the server's document preview, ECharts tooltip formatters in the web app) goes through it.
 * Plan documents are hostile: an indicator named `开办企业<img src=x onerror=…>` must print as text.
 */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
