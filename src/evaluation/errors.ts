/**
 * Stable error codes of the evaluation engine. Clients branch on the code; the message is Chinese
 * for people and ends with the English key path (places[2].topics.getting_electricity.saidi) so a
 * data clerk can find the cell.
 */
import { AppError } from '../domain/errors.ts';

/** The error codes, by short name; the values are the stable codes clients see. */
export const EVALUATION_ERRORS = {
  fileUnreadable: 'EVALUATION_FILE_UNREADABLE',
  notJson: 'EVALUATION_INPUT_NOT_JSON',
  inputInvalid: 'EVALUATION_INPUT_INVALID',
  unknownMethodology: 'EVALUATION_UNKNOWN_METHODOLOGY',
  unknownTopic: 'EVALUATION_UNKNOWN_TOPIC',
  unknownComponent: 'EVALUATION_UNKNOWN_COMPONENT',
  missingValue: 'EVALUATION_MISSING_VALUE',
  unknownTextValue: 'EVALUATION_UNKNOWN_TEXT_VALUE',
  duplicateId: 'EVALUATION_DUPLICATE_ID',
  unknownMember: 'EVALUATION_UNKNOWN_MEMBER',
  methodologyInvalid: 'EVALUATION_METHODOLOGY_INVALID',
  rulesInvalid: 'EVALUATION_RULES_INVALID',
  usage: 'EVALUATION_USAGE',
} as const;

export type EvaluationErrorCode = (typeof EVALUATION_ERRORS)[keyof typeof EVALUATION_ERRORS];

/** Builds an AppError whose message is "中文说明 (english.key.path)" and whose details keep the path. */
export function evaluationError(
  code: EvaluationErrorCode,
  zh: string,
  path: string,
  details: Record<string, unknown> = {},
): AppError {
  return new AppError(code, path ? `${zh} (${path})` : zh, { path, ...details });
}

/** Formats a zod-style issue path as places[0].topics.x.y. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}
