// Generates manifest.xml (Office add-in XML manifest, TaskPaneApp for Excel).
// Run: node scripts/addin-manifest.mjs [--base https://localhost:3000]  (writes manifest.xml at the repo root)
// The production build (webpack.config.js) calls manifestXml() with ADDIN_BASE_URL and a new version
// (addinVersion()) to write dist/addin/manifest.xml; the repository's manifest.xml stays on localhost.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The development base: webpack-dev-server with the Office dev certificates. */
export const DEV_BASE = 'https://localhost:3000';
/** The repository manifest's version (development). */
export const DEV_VERSION = '0.1.0.0';

/**
 * The base URL every manifest URL starts with, without its trailing slash; an error message when it
 * is not an absolute https URL (Office loads add-ins over https only) with no query or fragment.
 * @example normalizeBase('https://cchc.example.gov.vn/addin/') // { base: 'https://cchc.example.gov.vn/addin' }
 */
export function normalizeBase(text) {
  let url;
  try {
    url = new URL(String(text).trim());
  } catch {
    return { error: `ADDIN_BASE_URL "${text}" không phải là địa chỉ URL (is not a URL)` };
  }
  if (url.protocol !== 'https:') return { error: `ADDIN_BASE_URL "${text}" phải bắt đầu bằng https:// — Office chỉ nạp phần bổ trợ qua https (Office loads add-ins over https only)` };
  if (url.search || url.hash || url.username || url.password) return { error: `ADDIN_BASE_URL "${text}" không được có ?…, #… hay tên đăng nhập (no query, fragment or credentials)` };
  return { base: url.href.replace(/\/+$/, '') };
}

/**
 * The add-in version, four numbers as Office requires (n.n.n.n, each 0–65535): package.json's
 * major.minor.patch and a build number — ADDIN_BUILD_NUMBER when given (a CI run number), else the
 * number of commits on HEAD, so every committed build is newer than the one before.
 */
export function addinVersion(env = process.env) {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const parts = String(pkg.version).split(/[.+-]/).slice(0, 3).map((n) => Number.parseInt(n, 10) || 0);
  while (parts.length < 3) parts.push(0);
  let build = Number.parseInt(env.ADDIN_BUILD_NUMBER ?? '', 10);
  if (!Number.isFinite(build)) {
    try {
      build = Number.parseInt(execFileSync('git', ['rev-list', '--count', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(), 10);
    } catch {
      build = 0;
    }
  }
  if (!Number.isFinite(build) || build < 0 || build > 65535) throw new Error(`build number ${build} outside 0–65535 (ADDIN_BUILD_NUMBER)`);
  for (const p of parts) if (p > 65535) throw new Error(`package.json version ${pkg.version}: each number must be ≤ 65535 for Office`);
  return [...parts, build].join('.');
}


export const VIEWS = [
  { id: 'setup', vi: 'Thiết lập', en: 'Set up', tipVi: 'Chọn bộ tiêu chí, đơn vị, kế hoạch cho đợt chấm điểm.', tipEn: 'Choose the criteria set, units and plan for the round.' },
  { id: 'templates', vi: 'Biểu mẫu', en: 'Templates', tipVi: 'Tạo biểu mẫu tự đánh giá cho từng đơn vị, tải về dạng .zip.', tipEn: 'Create each unit\'s self-assessment template; download all as .zip.' },
  { id: 'collect', vi: 'Nhận & kiểm tra', en: 'Collect & check', tipVi: 'Nhận các tệp đơn vị gửi về, xem lỗi theo đơn vị.', tipEn: 'Bring in the files units returned; see issues by unit.' },
  { id: 'appraise', vi: 'Thẩm định', en: 'Appraise', tipVi: 'Nhập điểm thẩm định và lý do bên cạnh số liệu của đơn vị.', tipEn: 'Enter appraisal scores with reasons beside the unit\'s answer.' },
  { id: 'compute', vi: 'Tính điểm', en: 'Compute', tipVi: 'Tính điểm, chỉ số, xếp hạng và ghi các trang kết quả.', tipEn: 'Compute scores, indices, ranks and write the result sheets.' },
  { id: 'analyse', vi: 'Phân tích', en: 'Analyse', tipVi: 'Xếp hạng, điểm bị trừ theo đơn vị chủ trì, giả định "nếu… thì…".', tipEn: 'Ranking, gaps by lead unit, what-if.' },
  { id: 'sipas', vi: 'SIPAS', en: 'SIPAS', tipVi: 'Chỉ số hài lòng của người dân, tổ chức.', tipEn: 'Citizen and organisation satisfaction indices.' },
  { id: 'plan', vi: 'Kế hoạch', en: 'Plan', tipVi: 'Tiến độ nhiệm vụ kế hoạch CCHC, danh sách chậm.', tipEn: 'Plan task progress and the late list.' },
];

const groups = [
  { id: 'Round', vi: 'Đợt chấm điểm', en: 'Round', views: ['setup', 'templates', 'collect', 'appraise'] },
  { id: 'Results', vi: 'Kết quả', en: 'Results', views: ['compute', 'analyse', 'sipas', 'plan'] },
];

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const str = (id, vi, en, max) => {
  if (max && (vi.length > max || en.length > max)) throw new Error(`string ${id} longer than ${max}`);
  return `          <bt:String id="${id}" DefaultValue="${esc(vi)}">\n            <bt:Override Locale="en-US" Value="${esc(en)}"/>\n          </bt:String>`;
};
const icon = (name) => `                    <bt:Image size="16" resid="Icon.${name}.16"/>
                    <bt:Image size="32" resid="Icon.${name}.32"/>
                    <bt:Image size="80" resid="Icon.${name}.80"/>`;

// Every button opens the same pane (one TaskpaneId: one container, one port and its caches); the
// buttons differ only in the URL fragment, so a pane already open switches view (hashchange)
// instead of a second pane starting beside it.
const controls = (g) =>
  g.views
    .map((id) => {
      return `                <Control xsi:type="Button" id="Btn.${id}">
                  <Label resid="Btn.${id}.Label"/>
                  <Supertip>
                    <Title resid="Btn.${id}.Label"/>
                    <Description resid="Btn.${id}.Tip"/>
                  </Supertip>
                  <Icon>
${icon(id)}
                  </Icon>
                  <Action xsi:type="ShowTaskpane">
                    <TaskpaneId>ParindexPane</TaskpaneId>
                    <SourceLocation resid="Url.${id}"/>
                  </Action>
                </Control>`;
    })
    .join('\n');

/** The manifest for add-in files served under `base` (no trailing slash), with `version`. */
export function manifestXml({ base = DEV_BASE, version = DEV_VERSION } = {}) {
  // AppDomains lists domains (scheme and host), not paths
  const appDomain = new URL(base).origin;
  return `<?xml version="1.0" encoding="UTF-8"?>
<!-- Generated by scripts/addin-manifest.mjs; edit that script, not this file. -->
<OfficeApp xmlns="http://schemas.microsoft.com/office/appforoffice/1.1"
           xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
           xmlns:bt="http://schemas.microsoft.com/office/officeappbasictypes/1.0"
           xmlns:ov="http://schemas.microsoft.com/office/taskpaneappversionoverrides"
           xsi:type="TaskPaneApp">
  <Id>5d3f6c1e-8a2b-4c7d-9e41-2b6a0f9c7d13</Id>
  <Version>${version}</Version>
  <ProviderName>parindex</ProviderName>
  <DefaultLocale>vi-VN</DefaultLocale>
  <DisplayName DefaultValue="Chấm điểm CCHC (PAR INDEX, SIPAS)">
    <Override Locale="en-US" Value="PAR INDEX and SIPAS scoring"/>
  </DisplayName>
  <Description DefaultValue="Chấm điểm Chỉ số cải cách hành chính và Chỉ số hài lòng ngay trong Excel: biểu mẫu, kiểm tra, thẩm định, tính điểm, xếp hạng, phân tích.">
    <Override Locale="en-US" Value="Score the Administrative Reform Index and citizen satisfaction inside Excel: templates, checks, appraisal, scores, ranks, analysis."/>
  </Description>
  <IconUrl DefaultValue="${base}/assets/icon-32.png"/>
  <HighResolutionIconUrl DefaultValue="${base}/assets/icon-64.png"/>
  <SupportUrl DefaultValue="${base}/taskpane.html?view=help"/>
  <AppDomains>
    <AppDomain>${appDomain}</AppDomain>
  </AppDomains>
  <Hosts>
    <Host Name="Workbook"/>
  </Hosts>
  <Requirements>
    <Sets DefaultMinVersion="1.1">
      <Set Name="ExcelApi" MinVersion="1.8"/>
    </Sets>
  </Requirements>
  <DefaultSettings>
    <SourceLocation DefaultValue="${base}/taskpane.html"/>
  </DefaultSettings>
  <Permissions>ReadWriteDocument</Permissions>
  <VersionOverrides xmlns="http://schemas.microsoft.com/office/taskpaneappversionoverrides" xsi:type="VersionOverridesV1_0">
    <Requirements>
      <bt:Sets DefaultMinVersion="1.1">
        <bt:Set Name="ExcelApi" MinVersion="1.8"/>
      </bt:Sets>
    </Requirements>
    <Hosts>
      <Host xsi:type="Workbook">
        <DesktopFormFactor>
          <GetStarted>
            <Title resid="GetStarted.Title"/>
            <Description resid="GetStarted.Description"/>
            <LearnMoreUrl resid="Url.help"/>
          </GetStarted>
          <FunctionFile resid="Url.commands"/>
          <ExtensionPoint xsi:type="PrimaryCommandSurface">
            <CustomTab id="Tab.CCHC">
${groups
  .map(
    (g) => `              <Group id="Group.${g.id}">
                <Label resid="Group.${g.id}.Label"/>
                <Icon>
${icon('app')}
                </Icon>
${controls(g)}
              </Group>`,
  )
  .join('\n')}
              <Label resid="Tab.Label"/>
            </CustomTab>
          </ExtensionPoint>
        </DesktopFormFactor>
      </Host>
    </Hosts>
    <Resources>
      <bt:Images>
${['app', ...VIEWS.map((v) => v.id)]
  .flatMap((n) => [16, 32, 80].map((s) => `        <bt:Image id="Icon.${n}.${s}" DefaultValue="${base}/assets/${n === 'app' ? 'icon' : 'icon-' + n}-${s}.png"/>`))
  .join('\n')}
      </bt:Images>
      <bt:Urls>
        <bt:Url id="Url.commands" DefaultValue="${base}/commands.html"/>
        <bt:Url id="Url.help" DefaultValue="${base}/taskpane.html?view=help"/>
${VIEWS.map((v) => `        <bt:Url id="Url.${v.id}" DefaultValue="${base}/taskpane.html#view=${v.id}"/>`).join('\n')}
      </bt:Urls>
      <bt:ShortStrings>
${[
  str('Tab.Label', 'CCHC', 'PAR', 125),
  str('GetStarted.Title', 'Chấm điểm CCHC đã sẵn sàng', 'PAR scoring is ready', 125),
  ...groups.map((g) => str(`Group.${g.id}.Label`, g.vi, g.en, 125)),
  ...VIEWS.map((v) => str(`Btn.${v.id}.Label`, v.vi, v.en, 125)),
].join('\n')}
      </bt:ShortStrings>
      <bt:LongStrings>
${[
  str('GetStarted.Description', 'Mở thẻ CCHC trên thanh công cụ để bắt đầu đợt chấm điểm.', 'Open the PAR tab on the ribbon to start the scoring round.', 250),
  ...VIEWS.map((v) => str(`Btn.${v.id}.Tip`, v.tipVi, v.tipEn, 250)),
].join('\n')}
      </bt:LongStrings>
    </Resources>
  </VersionOverrides>
</OfficeApp>
`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const i = process.argv.indexOf('--base');
  const base = (i > 0 && process.argv[i + 1]) || DEV_BASE;
  writeFileSync(join(root, 'manifest.xml'), manifestXml({ base }));
  console.log(`manifest.xml written (base ${base})`);
}
