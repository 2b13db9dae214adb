// The plan-draft schema lives in domain (src/domain/plan-draft.schema.ts), the one definition the
// engine, the commit-time validator, the server and the web all derive from; re-exported here so the
// engine's modules keep reading it from their own layer.
export * from '../domain/plan-draft.schema.ts';
