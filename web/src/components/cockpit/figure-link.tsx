import type { CockpitQuery } from '../../api/cockpit-api.ts';

export type Drill = Pick<CockpitQuery, 'dim' | 'key' | 'measure'>;

/** A cockpit figure: a number that opens the list of tasks it counts. */
export function FigureLink(props: { value: number; drill: Drill; onDrill: (d: Drill) => void; suffix?: string; className?: string }) {
  const { value, drill, onDrill, suffix, className } = props;
  const testId = `fig-${drill.dim ?? 'all'}-${drill.key ?? 'all'}-${drill.measure ?? 'total'}`;
  return (
    <button type="button" className={`cockpit-fig ${className ?? ''}`} onClick={() => onDrill(drill)} data-testid={testId} title="查看对应任务清单">
      {value}
      {suffix}
    </button>
  );
}
