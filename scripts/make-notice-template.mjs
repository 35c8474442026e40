#!/usr/bin/env node
// Makes templates/notice.docx, the built-in 劝返复学通知书 template (SPEC §11), from
// the OOXML below: `node scripts/make-notice-template.mjs [OUT]`. The result is
// committed; tests/report/notices.test.ts checks that this script still makes it
// byte for byte. A county starts its own template from a copy of the .docx (open it
// in Word or WPS, change the wording, keep the {placeholders}; docs/REFERENCE.md
// 通知书模板 lists them).
//
// Layout: A4 portrait, one notice per page (the title starts a new page), the
// government font stack (title 方正小标宋简体, body 仿宋, receipt heading 黑体;
// Latin digits Times New Roman), a tear-off receipt (回执) at the foot.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import PizZip from 'pizzip';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
// A fixed time: the same script makes the same bytes.
const DATE = new Date(2026, 0, 1, 0, 0, 0); // local fields: zip stores local time

const escapeXml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A run of text; `underline` draws a fill-in line under ideographic spaces. */
function run(text, props = {}) {
  const rPr = [
    props.font ? `<w:rFonts w:ascii="${props.font}" w:hAnsi="${props.font}" w:eastAsia="${props.font}" w:hint="eastAsia"/>` : '',
    props.bold ? '<w:b/>' : '',
    props.size ? `<w:sz w:val="${props.size}"/><w:szCs w:val="${props.size}"/>` : '',
    props.underline ? '<w:u w:val="single"/>' : '',
  ].join('');
  return `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
}

/** A paragraph of the style given, from runs or one text. */
function para(style, content, extra = '') {
  const runs = typeof content === 'string' ? run(content) : content.join('');
  return `<w:p><w:pPr><w:pStyle w:val="${style}"/>${extra}</w:pPr>${runs}</w:p>`;
}

/** A paragraph holding only a docxtemplater tag (a loop or a section): removed when rendered (paragraphLoop). */
const tag = (text) => para('Body', text);

const blankLine = (width) => run('\u3000'.repeat(width), { underline: true });

const body = [
  tag('{#notices}'),
  para('NoticeTitle', '{title}', '<w:pageBreakBefore/>'),
  para('NoticeNumber', '编号：{case_id}'),
  para('Addressee', '{guardians}：'),
  tag('{#is_return}'),
  para(
    'Body',
    '经核查，你（们）的子女（被监护人）{child_name}{#birth_date}（{birth_date}出生）{/birth_date}系{school}{grade}学生，{facts}，存在未按规定接受义务教育的情况。',
  ),
  para(
    'Body',
    '依照《中华人民共和国义务教育法》的规定，适龄儿童、少年的父母或者其他法定监护人应当依法保证其按时入学接受并完成义务教育。请你（们）接到本通知后，于{deadline}前送{child_name}返回{school}复学。',
  ),
  tag('{/is_return}'),
  tag('{#is_enrol}'),
  para('Body', '经核查，你（们）的子女（被监护人）{child_name}{#birth_date}（{birth_date}出生）{/birth_date}{residence}，{facts}。'),
  para(
    'Body',
    '依照《中华人民共和国义务教育法》的规定，凡年满六周岁的儿童，其父母或者其他法定监护人应当送其入学接受并完成义务教育。请你（们）接到本通知后，于{deadline}前送{child_name}到{school}办理入学手续。',
  ),
  tag('{/is_enrol}'),
  para(
    'Body',
    '逾期无正当理由仍未送子女接受义务教育的，由当地乡镇人民政府或者县级人民政府教育行政部门依照《中华人民共和国义务教育法》第五十八条给予批评教育，责令限期改正。如已在外地就读、因病需延缓入学或休学等，请及时与学校或乡镇人民政府联系，并提供相关证明。',
  ),
  para('LawHeading', '附：相关法律规定'),
  tag('{#provisions}'),
  para('Law', '{text}'),
  tag('{/provisions}'),
  para('Issuer', '{issuer}（盖章）'),
  para('Issuer', '{date}'),
  para('CutLine', '（沿虚线剪下，由监护人签名后交回学校或乡镇人民政府）'),
  para('ReceiptTitle', '回　执'),
  para('Receipt', [run('编号：{case_id}')]),
  para('Receipt', [run('{issuer}：')]),
  para(
    'ReceiptBody',
    '本人已收到《{title}》，知悉{child_name}应于{deadline}前{#is_return}返校复学{/is_return}{#is_enrol}到校办理入学手续{/is_enrol}，并知悉上述法律规定。',
  ),
  para('Receipt', [run('监护人（签名）：'), blankLine(6), run('　与儿童关系：'), blankLine(4), run('　联系电话：'), blankLine(6)]),
  para('Issuer', '年　　月　　日'),
  tag('{/notices}'),
];

// A4 portrait (11906 × 16838 twips); margins 2.5 cm top, 2 cm bottom, 2.6 cm left and right.
const sectPr =
  '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>' +
  '<w:pgMar w:top="1418" w:right="1474" w:bottom="1134" w:left="1474" w:header="851" w:footer="851" w:gutter="0"/></w:sectPr>';

const documentXml =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  `<w:document xmlns:w="${W}"><w:body>${body.join('')}${sectPr}</w:body></w:document>`;

/** Fonts: east Asian text in 仿宋, Latin letters and digits in Times New Roman. */
const rFonts = (eastAsia) =>
  `<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="${eastAsia}" w:cs="Times New Roman" w:hint="eastAsia"/>`;

/** Exact line spacing in twentieths of a point; sizes in half points. */
function style(id, name, { pPr = '', rPr = '' } = {}) {
  return (
    `<w:style w:type="paragraph" w:customStyle="1" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="Normal"/><w:qFormat/>` +
    `<w:pPr>${pPr}</w:pPr><w:rPr>${rPr}</w:rPr></w:style>`
  );
}
const spacing = (line, before = 0, after = 0) => `<w:spacing w:before="${before}" w:after="${after}" w:line="${line}" w:lineRule="exact"/>`;
const size = (halfPoints) => `<w:sz w:val="${halfPoints}"/><w:szCs w:val="${halfPoints}"/>`;

const stylesXml =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  `<w:styles xmlns:w="${W}">` +
  `<w:docDefaults><w:rPrDefault><w:rPr>${rFonts('仿宋')}${size(24)}` +
  '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>' +
  `<w:pPrDefault><w:pPr>${spacing(400)}<w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>` +
  '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>' +
  '<w:pPr><w:widowControl w:val="0"/></w:pPr></w:style>' +
  style('NoticeTitle', '通知书标题', {
    pPr: `<w:keepNext/>${spacing(640, 0, 120)}<w:jc w:val="center"/>`,
    rPr: `${rFonts('方正小标宋简体')}${size(40)}`,
  }) +
  style('NoticeNumber', '通知书编号', { pPr: `${spacing(360, 0, 120)}<w:jc w:val="right"/>`, rPr: size(21) }) +
  style('Addressee', '称谓', { pPr: spacing(420, 120, 0), rPr: size(28) }) +
  style('Body', '正文', { pPr: `${spacing(420)}<w:ind w:firstLineChars="200" w:firstLine="560"/>`, rPr: size(28) }) +
  style('LawHeading', '法律规定标题', { pPr: spacing(360, 120, 0), rPr: `${rFonts('黑体')}${size(21)}` }) +
  style('Law', '法律规定', { pPr: `${spacing(320)}<w:ind w:firstLineChars="200" w:firstLine="420"/>`, rPr: size(21) }) +
  style('Issuer', '落款', { pPr: `${spacing(420)}<w:ind w:right="420"/><w:jc w:val="right"/>`, rPr: size(28) }) +
  style('CutLine', '裁剪线', {
    pPr: `<w:pBdr><w:top w:val="dashed" w:sz="4" w:space="4" w:color="000000"/></w:pBdr>${spacing(300, 240, 60)}<w:jc w:val="center"/>`,
    rPr: size(18),
  }) +
  style('ReceiptTitle', '回执标题', { pPr: `${spacing(440)}<w:jc w:val="center"/>`, rPr: `${rFonts('黑体')}${size(30)}` }) +
  style('Receipt', '回执', { pPr: spacing(400), rPr: size(24) }) +
  style('ReceiptBody', '回执正文', { pPr: `${spacing(400)}<w:ind w:firstLineChars="200" w:firstLine="480"/>`, rPr: size(24) }) +
  '</w:styles>';

/** The fonts, with the names Word knows them by on an English system and their GB2312 character set (86). */
function font(name, altName, family, pitch) {
  const alt = altName ? `<w:altName w:val="${altName}"/>` : '';
  return `<w:font w:name="${name}">${alt}<w:charset w:val="86"/><w:family w:val="${family}"/><w:pitch w:val="${pitch}"/></w:font>`;
}
const fontTableXml =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  `<w:fonts xmlns:w="${W}">` +
  font('仿宋', 'FangSong', 'modern', 'fixed') +
  font('方正小标宋简体', '宋体', 'script', 'variable') +
  font('黑体', 'SimHei', 'modern', 'fixed') +
  font('宋体', 'SimSun', 'auto', 'variable') +
  '<w:font w:name="Times New Roman"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>' +
  '</w:fonts>';

const settingsXml =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  `<w:settings xmlns:w="${W}"><w:defaultTabStop w:val="420"/><w:characterSpacingControl w:val="compressPunctuation"/>` +
  '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>' +
  '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/></w:settings>';

const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const contentTypesXml =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ' +
  'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
  '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>' +
  '<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>' +
  '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
  '</Types>';
const rootRelsXml =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  `<Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/>` +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" ' +
  'Target="docProps/core.xml"/>' +
  '</Relationships>';
const documentRelsXml =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  `<Relationship Id="rId1" Type="${R}/styles" Target="styles.xml"/>` +
  `<Relationship Id="rId2" Type="${R}/settings" Target="settings.xml"/>` +
  `<Relationship Id="rId3" Type="${R}/fontTable" Target="fontTable.xml"/>` +
  '</Relationships>';
const coreXml =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
  'xmlns:dc="http://purl.org/dc/elements/1.1/">' +
  '<dc:title>义务教育劝返复学通知书</dc:title><dc:creator>rollcall</dc:creator></cp:coreProperties>';

/** The template as the bytes of a .docx. */
export function makeNoticeTemplate() {
  const zip = new PizZip();
  const parts = {
    '[Content_Types].xml': contentTypesXml,
    '_rels/.rels': rootRelsXml,
    'docProps/core.xml': coreXml,
    'word/document.xml': documentXml,
    'word/styles.xml': stylesXml,
    'word/settings.xml': settingsXml,
    'word/fontTable.xml': fontTableXml,
    'word/_rels/document.xml.rels': documentRelsXml,
  };
  for (const [name, xml] of Object.entries(parts)) zip.file(name, xml, { date: DATE, createFolders: false });
  return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'templates', 'notice.docx');
  writeFileSync(out, makeNoticeTemplate());
  process.stdout.write(`${out}\n`);
}
