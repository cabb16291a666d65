import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, Link, Text } from '@fluentui/react-components';
import type { Issue } from '../../../engine';
import { s } from '../i18n';
import { useWorkbench } from '../state';

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
      <Text weight="semibold">
        {s('issues.title', w.lang)} — {s('issues.count', w.lang, { errors: issues.filter((i) => i.severity === 'error').length, warnings: issues.filter((i) => i.severity === 'warning').length })}
      </Text>
      <Accordion multiple collapsible defaultOpenItems={keys.slice(0, 3)}>
        {keys.map((k) => {
          const list = groups.get(k) ?? [];
          const errors = list.filter((i) => i.severity === 'error').length;
          return (
            <AccordionItem key={k || '_'} value={k}>
              <AccordionHeader size="small">
                {k ? `${k} — ${unitName(k)}` : s('issues.general', w.lang)}&nbsp;
                <Badge appearance="filled" color={errors > 0 ? 'danger' : 'warning'}>
                  {list.length}
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
