import { Tooltip } from 'antd';
import type { ReactNode } from 'react';

export const UNCERTAIN_HINT = '导入时不确定，请核对';

/** A subtle highlight for a value the importer was not sure about. */
export function UncertainMark({ uncertain, empty = false, children }: { uncertain: boolean; empty?: boolean; children: ReactNode }) {
  if (!uncertain) return <>{children}</>;
  // An empty value the importer doubted still needs a visible mark, or nobody would check it.
  return (
    <Tooltip title={UNCERTAIN_HINT}>
      <span className="uncertain" data-uncertain="true">
        {empty ? <span className="muted">待核对</span> : children}
      </span>
    </Tooltip>
  );
}
