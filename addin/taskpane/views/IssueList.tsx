import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, Link, Text } from '@fluentui/react-components';
import type { Issue } from '../../../engine';
import { s, type Lang } from '../i18n';
import { count } from '../fmt';
import { shortUnitName } from './names';
import { useWorkbench } from '../state';

/**
 * The header of an issue list: the total (every item the list shows), then the non-zero counts
 * by severity — they add up to the total. @example "5 vấn đề · 3 lỗi · 2 cảnh báo"
 */
export function issueCounts(issues: readonly Issue[], lang: Lang): string {
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.filter((i) => i.severity === 'warning').length;
  const notes = issues.length - errors - warnings;
  const parts = [s('issues.total', lang, { count: count(issues.length, lang) })];
  if (errors) parts.push(s('issues.errors', lang, { count: count(errors, lang) }));
  if (warnings) parts.push(s('issues.warnings', lang, { count: count(warnings, lang) }));
  if (notes) parts.push(s('issues.notes', lang, { count: count(notes, lang) }));
  return parts.join(' · ');
}

/** Every issue, grouped by unit; a located issue is a link that selects its cell in Excel. */
export function IssueList({ issues, canSelect }: { issues: readonly Issue[]; canSelect?: boolean }): JSX.Element {
  const w = useWorkbench();
  if (issues.length === 0) return <Text>{s('collect.noIssues', w.lang)}</Text>;
  const groups = new Map<string, Issue[]>();
  for (const i of issues) {
    const k = i.unit ?? '';
    groups.set(k, [...(groups.get(k) ?? []), i]);
  }
  const keys = [...groups.keys()].sort((a, b) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b)));
  const unitName = (code: string): string => w.doc?.units.find((u) => u.code === code)?.name ?? code;
  const selectable = canSelect ?? Boolean(w.port?.select && w.port.host === 'excel');
  return (
    <section aria-label={s('issues.title', w.lang)} data-testid="issues">
      <Text weight="semibold" data-testid="issues-count">
        {s('issues.title', w.lang)} — {issueCounts(issues, w.lang)}
      </Text>
      <Accordion multiple collapsible defaultOpenItems={keys.slice(0, 3)}>
        {keys.map((k) => {
          const list = groups.get(k) ?? [];
          const errors = list.filter((i) => i.severity === 'error').length;
          return (
            <AccordionItem key={k || '_'} value={k}>
              <AccordionHeader size="small">
                <span title={k ? `${k} — ${unitName(k)}` : undefined}>{k ? `${k} — ${shortUnitName(unitName(k))}` : s('issues.general', w.lang)}</span>&nbsp;
                <Badge appearance="filled" color={errors > 0 ? 'danger' : 'warning'}>
                  {count(list.length, w.lang)}
                </Badge>
              </AccordionHeader>
              <AccordionPanel>
                <ul style={{ margin: 0, paddingLeft: 18 }}>
                  {list.map((i, n) => (
                    <li key={n}>
                      {selectable && i.sheet && i.cell ? (
                        <Link as="button" onClick={() => void w.selectIssue(i)} title={s('issues.select', w.lang, { sheet: i.sheet, cell: i.cell })}>
                          {w.issueText(i)}
                        </Link>
                      ) : (
                        <Text>{w.issueText(i)}</Text>
                      )}
                    </li>
                  ))}
                </ul>
              </AccordionPanel>
            </AccordionItem>
          );
        })}
      </Accordion>
    </section>
  );
}
