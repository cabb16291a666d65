/*
 * ES5 on purpose, loaded before the pane's own code: Office builds that open add-ins in Internet
 * Explorer 11 (Trident) or the first Edge (EdgeHTML) pass the manifest's ExcelApi 1.8 floor but
 * cannot run the pane (a blank pane). There, this shows why and what to use instead. The words are
 * the catalogue's 'host.legacyWebview' (addin/taskpane/i18n.ts); a test holds them equal.
 */
/* global window, document */
(function () {
  var ua = (window.navigator && window.navigator.userAgent) || '';
  if (!/Trident\/|MSIE /.test(ua) && !/\bEdge\/\d/.test(ua)) return;
  window.parindexLegacyWebview = true;
  var vi = 'Phiên bản Office này mở phần bổ trợ bằng trình duyệt cũ (Internet Explorer hoặc Edge đời đầu), nên ngăn Chấm điểm CCHC không chạy được. Hãy dùng Excel trong Microsoft 365 (Windows bản 2101 trở lên, có WebView2), Excel 2021 trở lên, Excel cho Mac hoặc Excel trên web.';
  var en = 'This Office opens add-ins in an old browser (Internet Explorer or the first Edge), where the PAR scoring pane cannot run. Use Excel in Microsoft 365 (Windows version 2101 or later, with WebView2), Excel 2021 or later, Excel for Mac or Excel on the web.';
  function show() {
    var root = document.getElementById('root');
    if (!root) return;
    while (root.firstChild) root.removeChild(root.firstChild);
    var box = document.createElement('div');
    box.setAttribute('role', 'alert');
    box.setAttribute('data-testid', 'legacy-webview');
    box.style.padding = '16px';
    var p1 = document.createElement('p');
    p1.lang = 'vi';
    p1.appendChild(document.createTextNode(vi));
    var p2 = document.createElement('p');
    p2.lang = 'en';
    p2.style.color = '#555';
    p2.appendChild(document.createTextNode(en));
    box.appendChild(p1);
    box.appendChild(p2);
    root.appendChild(box);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', show);
  else show();
})();
