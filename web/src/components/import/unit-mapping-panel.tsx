import { ArrowRightOutlined, CheckCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { App, Button, Select, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import type { UnitMapping, UnitMatch } from '../../api/imports.ts';
import { addUnitAlias } from '../../api/imports.ts';
import type { Unit } from '../../api/models.ts';
import { unitOptionLabel } from './unit-scope.ts';

interface Props {
  /** Every unit name the (edited) draft writes. */
  names: string[];
  /** The server's matches for the saved draft; a name missing here was added by an unsaved edit. */
  matches: UnitMatch[];
  units: Unit[];
  mapping: UnitMapping;
  onMap: (name: string, value: number | 'new' | undefined) => void;
  /** The import's region: units of other (lower) regions are labelled with their region. */
  regionId: number;
}

const NEW = 'new';

function MappingRow({ name, match, units, value, onMap, regionId }: { name: string; match: UnitMatch | undefined; units: Unit[]; value: number | 'new' | undefined; onMap: Props['onMap']; regionId: number }) {
  const { message } = App.useApp();
  const [changing, setChanging] = useState(false);
  const [aliasSaved, setAliasSaved] = useState<number | null>(null);
  const [saving, setSaving] = useState(false);
  const matched = match?.unit ?? null;
  const options = useMemo(
    () => [{ value: NEW, label: `新建单位“${name}”` }, ...units.map((u) => ({ value: u.id, label: unitOptionLabel(u, regionId) }))],
    [units, name, regionId],
  );
  const chosen = typeof value === 'number' ? units.find((u) => u.id === value) : undefined;
  const showSelect = !matched || changing || value !== undefined;

  const saveAlias = async (unit: Unit) => {
    setSaving(true);
    try {
      await addUnitAlias(unit.id, name);
      setAliasSaved(unit.id);
      void message.success(`已将“${name}”添加为“${unit.name}”的简称`);
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <li className={`unit-map-row${matched || value !== undefined ? '' : ' unit-map-open'}`} data-testid="unit-map-row" data-name={name}>
      <div className="unit-map-written">
        {matched || value !== undefined ? <CheckCircleFilled className="unit-map-ok" /> : <ExclamationCircleFilled className="unit-map-warn" />}
        <span className="unit-map-name">{name}</span>
      </div>
      <ArrowRightOutlined className="unit-map-arrow" />
      <div className="unit-map-target">
        {showSelect ? (
          <Select<number | 'new'>
            className="unit-map-select"
            aria-label={`“${name}”对应的单位`}
            value={value ?? (matched ? matched.id : NEW)}
            options={options}
            showSearch={{ optionFilterProp: 'label' }}
            popupMatchSelectWidth={false}
            onChange={(v) => onMap(name, matched && v === matched.id ? undefined : v)}
          />
        ) : (
          <span className="unit-map-matched">
            <Tag color="green">{matched?.name}</Tag>
            <Button type="link" size="small" onClick={() => setChanging(true)}>
              更改
            </Button>
          </span>
        )}
        {chosen && chosen.name !== name && !chosen.aliases.includes(name) && (
          <Button size="small" loading={saving} disabled={aliasSaved === chosen.id} onClick={() => void saveAlias(chosen)}>
            {aliasSaved === chosen.id ? '已添加为别名' : '添加为别名'}
          </Button>
        )}
      </div>
    </li>
  );
}

/**
 * Each written unit name and the unit it becomes: matched ones show their unit, the rest a select
 * (an existing unit, or 新建单位). 添加为别名 saves the written name so later imports match it.
 */
export function UnitMappingPanel({ names, matches, units, mapping, onMap, regionId }: Props) {
  const byName = useMemo(() => new Map(matches.map((m) => [m.name, m])), [matches]);
  // Names still to decide come first: that is what the reviewer must look at.
  const ordered = useMemo(() => {
    const open = names.filter((n) => !byName.get(n)?.unit);
    const done = names.filter((n) => byName.get(n)?.unit);
    return [...open, ...done];
  }, [names, byName]);
  const unmatched = names.filter((n) => !byName.get(n)?.unit).length;
  // Matched names need no decision: folded away unless asked for (or nothing else to show).
  const [showAll, setShowAll] = useState(false);
  const matchedCount = names.length - unmatched;
  const foldable = matchedCount > 0 && (unmatched > 0 || names.length > 12);
  const shown = showAll || !foldable ? ordered : ordered.filter((n) => !byName.get(n)?.unit || mapping[n] !== undefined);
  const decided = names.filter((n) => !byName.get(n)?.unit && mapping[n] !== undefined).length;
  return (
    <div className="unit-mapping" data-testid="unit-mapping">
      <div className="muted unit-map-summary">
        共 {names.length} 个单位名称，已匹配 {names.length - unmatched} 个
        {unmatched > 0 ? `，未匹配 ${unmatched} 个（已选择 ${decided} 个；未选择的将新建单位）` : '。'}
      </div>
      <ul className="unit-map-list">
        {shown.map((name) => (
          <MappingRow key={name} name={name} match={byName.get(name)} units={units} value={mapping[name]} onMap={onMap} regionId={regionId} />
        ))}
      </ul>
      {foldable && (
        <Button type="link" size="small" className="unit-map-more" data-testid="unit-map-more" onClick={() => setShowAll((v) => !v)}>
          {showAll ? '收起已匹配的单位' : `查看已匹配的 ${matchedCount} 个单位`}
        </Button>
      )}
    </div>
  );
}
