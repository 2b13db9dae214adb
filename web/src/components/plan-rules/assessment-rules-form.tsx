import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Form, Input, Popconfirm, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import type { ConsequenceRule, ConsequenceRuleSet } from '../../api/assessment-rules.ts';
import { fetchAssessmentSettings, fetchRuleTemplates, saveAssessmentRules } from '../../api/assessment-rules.ts';
import { errorMessage } from '../../api/client.ts';
import { useApi } from '../../hooks/use-api.ts';
import { RuleRows } from './rule-rows.tsx';

/** A fresh rule id not used in the set (ids must be unique; the engine rejects duplicates). */
function newRuleId(rules: ConsequenceRule[]): string {
  let n = rules.length + 1;
  while (rules.some((r) => r.id === `rule-${n}`)) n += 1;
  return `rule-${n}`;
}

function newRule(set: ConsequenceRuleSet): ConsequenceRule {
  const subject = Object.keys(set.subjects)[0] ?? 'indicator';
  const total = set.subjects[subject]?.total ?? 1;
  return { id: newRuleId(set.rules), subject, when: { kind: 'bottom', n: Math.min(10, total) }, action: Object.keys(set.actions)[0] ?? 'interview', on: ['leadUnits'], persons: [] };
}

/** 考核规则 of a plan: pick a template, edit the rows (rank band → consequence, basis text), save. */
export function AssessmentRulesForm({ planId }: { planId: number }) {
  const { message } = App.useApp();
  const settings = useApi((signal) => fetchAssessmentSettings(planId, signal), [planId]);
  const templates = useApi((signal) => fetchRuleTemplates(planId, signal), [planId]);
  const [set, setSet] = useState<ConsequenceRuleSet | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => setSet(settings.data?.consequenceRules ?? null), [settings.data]);
  if (!settings.data) return settings.error ? <Alert type="error" showIcon title={errorMessage(settings.error)} /> : null;

  const save = async (value: ConsequenceRuleSet | null) => {
    setSaving(true);
    setError(null);
    try {
      const saved = await saveAssessmentRules(planId, value);
      setSet(saved.consequenceRules);
      void message.success(value ? '考核规则已保存' : '已清除本方案的考核规则');
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };
  const pick = (key: string) => {
    const t = templates.data?.templates.find((x) => x.key === key);
    // A copy the office edits; the template itself never changes and is never another plan's default.
    if (t) setSet(structuredClone(t.rules));
  };
  const templatePicker = (
    <Space>
      <Select placeholder="选用规则模板" style={{ width: 320 }} options={(templates.data?.templates ?? []).map((t) => ({ value: t.key, label: t.label }))} onChange={pick} data-testid="rule-template" />
    </Space>
  );
  return (
    <div data-testid="assessment-rules-form">
      {error && <Alert type="error" showIcon title={error} className="form-alert" />}
      {set === null ? (
        <Empty description="本方案未设置考核规则，评价结果不计算约谈、不得评优、追责问责。可选用模板后修改。">{templatePicker}</Empty>
      ) : (
        <Form layout="vertical" requiredMark={false}>
          <Space align="end" wrap>
            <Form.Item label="规则名称">
              <Input aria-label="规则名称" style={{ width: 300 }} value={set.label} onChange={(e) => setSet({ ...set, label: e.target.value })} />
            </Form.Item>
            <Form.Item label="换用模板">{templatePicker}</Form.Item>
          </Space>
          <Form.Item label="考核依据（文号及条款）" extra="评价结果中的后果引用此依据">
            <Input aria-label="考核依据" value={set.source ?? ''} onChange={(e) => setSet({ ...set, source: e.target.value || undefined })} />
          </Form.Item>
          <RuleRows set={set} onChange={(rules) => setSet({ ...set, rules })} />
          <Space style={{ marginTop: 12 }}>
            <Button icon={<PlusOutlined />} onClick={() => setSet({ ...set, rules: [...set.rules, newRule(set)] })}>
              添加规则
            </Button>
            <Button type="primary" loading={saving} disabled={!set.label.trim() || set.rules.length === 0} onClick={() => void save({ ...set, label: set.label.trim() })}>
              保存考核规则
            </Button>
            {settings.data.consequenceRules !== null && (
              <Popconfirm title="清除后本方案不再计算约谈等后果，确定清除？" okText="清除" cancelText="取消" onConfirm={() => void save(null)}>
                <Button danger>清除规则</Button>
              </Popconfirm>
            )}
          </Space>
        </Form>
      )}
    </div>
  );
}
