import type { Light } from '../api/models.ts';
import { LIGHT_COLORS, LIGHT_LABELS } from '../lib/supervision-labels.ts';

/** A coloured dot with the light's name (红灯, 黄灯, 绿灯, 已办结). */
export function LightDot({ light, label = true }: { light: Light; label?: boolean }) {
  return (
    <span className="light-dot-wrap" title={LIGHT_LABELS[light]}>
      <span className="light-dot" style={{ background: LIGHT_COLORS[light] }} />
      {label && <span className="light-dot-label">{LIGHT_LABELS[light]}</span>}
    </span>
  );
}
