import { sheetProtectedInXml, worksheetPartsByName, xmlBoolean, xmlUnescape } from './protection';

describe('sheet protection as the XML spells it', () => {
  test.each([
    ['<worksheet><sheetProtection sheet="1" formatColumns="0"/></worksheet>', true], // Excel, exceljs
    ['<worksheet><sheetProtection algorithmName="SHA-512" sheet="true" formatColumns="false"/></worksheet>', true], // LibreOffice
    ["<worksheet><sheetProtection sheet='true'/></worksheet>", true],
    ['<x:worksheet><x:sheetProtection sheet=" 1 "/></x:worksheet>', true],
    ['<worksheet><sheetProtection\n  password="CC1A"\n  sheet="1"\n  objects="1"></sheetProtection></worksheet>', true],
    ['<worksheet><sheetProtection sheet="0"/></worksheet>', false],
    ['<worksheet><sheetProtection sheet="false"/></worksheet>', false],
    ['<worksheet><sheetProtection formatColumns="0"/></worksheet>', false], // sheet defaults to false
    ['<worksheet><sheetData/></worksheet>', false],
    ['<worksheet><sheetData><row><c t="inlineStr"><is><t>&lt;sheetProtection sheet="1"/&gt;</t></is></c></row></sheetData></worksheet>', false],
  ])('%s → %p', (xml, on) => {
    expect(sheetProtectedInXml(xml)).toBe(on);
  });

  test('xsd:boolean and entities', () => {
    expect([xmlBoolean('1'), xmlBoolean('true'), xmlBoolean('0'), xmlBoolean('false'), xmlBoolean('yes'), xmlBoolean(undefined)]).toEqual([true, true, false, false, undefined, undefined]);
    expect(xmlUnescape('&apos;T&#7921; &#x111;&amp;&lt;&gt;&quot;')).toBe('\'Tự đ&<>"');
  });

  test('worksheet parts by sheet name (LibreOffice and Excel spellings)', () => {
    const workbook =
      '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>' +
      '<sheet name="Hướng dẫn" sheetId="1" state="visible" r:id="rId2"/><sheet name="T&#7921; đánh giá" sheetId="2" r:id="rId3"/>' +
      '<sheet name="A &amp; B" sheetId="7" r:id="rId9"/></sheets></workbook>';
    const rels =
      '<Relationships><Relationship Id="rId1" Type="…/styles" Target="styles.xml"/><Relationship Id="rId2" Type="…/worksheet" Target="worksheets/sheet1.xml"/>' +
      '<Relationship Id="rId3" Type="…/worksheet" Target="/xl/worksheets/sheet2.xml"/><Relationship Target="./worksheets/s9.xml" Id="rId9"/></Relationships>';
    expect([...worksheetPartsByName(workbook, rels)]).toEqual([
      ['Hướng dẫn', 'xl/worksheets/sheet1.xml'],
      ['Tự đánh giá', 'xl/worksheets/sheet2.xml'],
      ['A & B', 'xl/worksheets/s9.xml'],
    ]);
  });
});
