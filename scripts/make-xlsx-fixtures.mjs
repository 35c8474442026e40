#!/usr/bin/env node
// Regenerates fixtures/xlsx/: one small workbook per writer and per feature the
// workbook reader must handle (issue #11), each with a CSV twin holding the same
// rows as a clerk would see them. Synthetic people only.
//
//   node scripts/make-xlsx-fixtures.mjs
//
// Real writers where this machine has them: exceljs (always), openpyxl
// (Debian python3-openpyxl) and LibreOffice (libreoffice-calc-nogui); a writer
// that is missing is skipped with a note and its committed fixture kept. The
// rest are built by hand here, part by part, with a small zip writer: prefixed
// and strict namespaces, missing `r` attributes, East Asian date formats, …
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'fixtures', 'xlsx');
mkdirSync(out, { recursive: true });

// ---------------------------------------------------------------- the people

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
function makeId(birth, sequence) {
  const body = `341324${birth}${String(sequence).padStart(3, '0')}`;
  const sum = [...body].reduce((total, digit, i) => total + Number(digit) * WEIGHTS[i], 0);
  return body + '10X98765432'[sum % 11];
}

const HEADER = ['姓名', '身份证号', '性别', '出生日期', '学校名称', '学籍状态'];
/** [name, birth yyyy-mm-dd, gender, school, status] */
const PEOPLE = [
  ['李巧丽', '2015-03-05', '女', '城关镇第一小学', '在读'],
  ['张伟', '2014-07-12', '男', '马集镇中心小学', '在读'],
  ['欧阳娜', '2013-01-01', '女', 'A&B <希望> 学校', '辍学'],
  ['阿依古丽·买提', '2012-12-31', '女', '城关镇第一小学', '在读'],
];
const ROWS = PEOPLE.map(([name, birth, gender, school, status], i) => [
  name,
  makeId(birth.replace(/-/g, ''), 2 * i + (gender === '男' ? 1 : 2)),
  gender,
  birth,
  school,
  status,
]);

/** Excel's serial day of an ISO date (1900 system, or 1904). */
function serial(iso, date1904 = false) {
  const [y, m, d] = iso.split('-').map(Number);
  const days = (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
  return date1904 ? days - 1462 : days;
}

function writeCsvTwin(name, rows) {
  const quote = (value) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  writeFileSync(join(out, `${name}.csv`), `${rows.map((row) => row.map(quote).join(',')).join('\n')}\n`);
}

// ---------------------------------------------------------------- a small zip writer

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A zip of `entries` ([name, text]), deflated, with a fixed timestamp so the bytes are stable. */
function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const data = Buffer.from(content, 'utf8');
    const packed = deflateRawSync(data);
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x5a21, 12); // 2025-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x5a21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

// ---------------------------------------------------------------- hand-built workbooks

const TRANSITIONAL = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  types: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
};
const STRICT = {
  main: 'http://purl.oclc.org/ooxml/spreadsheetml/main',
  rel: 'http://purl.oclc.org/ooxml/officeDocument/relationships',
  types: 'http://purl.oclc.org/ooxml/officeDocument/relationships',
};
const PACKAGE_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';

const escapeXml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function columnName(index) {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/**
 * A cell: a string (inline `str` value unless the sheet uses shared strings), or
 * { v, s, t, f, xml } for anything else. `xml` is the cell's inner XML as is.
 */
function cellXml(cell, ref, p, strings) {
  const r = ref ? ` r="${ref}"` : '';
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') {
    if (strings) {
      let index = strings.indexOf(cell);
      if (index < 0) index = strings.push(cell) - 1;
      return `<${p}c${r} t="s"><${p}v>${index}</${p}v></${p}c>`;
    }
    return `<${p}c${r} t="inlineStr"><${p}is><${p}t>${escapeXml(cell)}</${p}t></${p}is></${p}c>`;
  }
  const s = cell.s !== undefined ? ` s="${cell.s}"` : '';
  const t = cell.t ? ` t="${cell.t}"` : '';
  if (cell.xml !== undefined) return `<${p}c${r}${s}${t}>${cell.xml}</${p}c>`;
  const f = cell.f !== undefined ? `<${p}f>${escapeXml(cell.f)}</${p}f>` : '';
  const v = cell.v !== undefined ? `<${p}v>${cell.v}</${p}v>` : '';
  return `<${p}c${r}${s}${t}>${f}${v}</${p}c>`;
}

/** Sheet XML from rows of cells; rows are [rowNumber, cells] so gaps can be left. */
function sheetXml(rows, { prefix = '', ns = TRANSITIONAL, noRefs = false, firstColumn = 0, strings = null, tail = '' } = {}) {
  const p = prefix ? `${prefix}:` : '';
  const xmlns = prefix ? `xmlns:${prefix}="${ns.main}"` : `xmlns="${ns.main}"`;
  const body = rows
    .map(([number, cells]) => {
      const inner = cells.map((cell, c) => cellXml(cell, noRefs ? '' : `${columnName(firstColumn + c)}${number}`, p, strings)).join('');
      return `<${p}row${noRefs ? '' : ` r="${number}"`}>${inner}</${p}row>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}worksheet ${xmlns} xmlns:r="${ns.rel}"><${p}sheetData>${body}</${p}sheetData>${tail}</${p}worksheet>`;
}

function sharedStringsXml(items, { prefix = '', ns = TRANSITIONAL } = {}) {
  const p = prefix ? `${prefix}:` : '';
  const xmlns = prefix ? `xmlns:${prefix}="${ns.main}"` : `xmlns="${ns.main}"`;
  const body = items
    .map((item) => (item.startsWith('<') ? `<${p}si>${item}</${p}si>` : `<${p}si><${p}t>${escapeXml(item)}</${p}t></${p}si>`))
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}sst ${xmlns} count="${items.length}" uniqueCount="${items.length}">${body}</${p}sst>`;
}

/** Styles whose cellXfs are `formats` (numFmtId per style index); custom codes in `codes`. */
function stylesXml(formats, { prefix = '', ns = TRANSITIONAL, codes = {} } = {}) {
  const p = prefix ? `${prefix}:` : '';
  const xmlns = prefix ? `xmlns:${prefix}="${ns.main}"` : `xmlns="${ns.main}"`;
  const custom = Object.entries(codes);
  const numFmts = custom.length
    ? `<${p}numFmts count="${custom.length}">${custom.map(([id, code]) => `<${p}numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`).join('')}</${p}numFmts>`
    : '';
  const xfs = formats
    .map((id) => `<${p}xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"${id ? ' applyNumberFormat="1"' : ''}/>`)
    .join('');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}styleSheet ${xmlns}>${numFmts}` +
    `<${p}fonts count="1"><${p}font><${p}sz val="11"/><${p}name val="宋体"/></${p}font></${p}fonts>` +
    `<${p}fills count="1"><${p}fill><${p}patternFill patternType="none"/></${p}fill></${p}fills>` +
    `<${p}borders count="1"><${p}border/></${p}borders>` +
    `<${p}cellStyleXfs count="1"><${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></${p}cellStyleXfs>` +
    `<${p}cellXfs count="${formats.length}">${xfs}</${p}cellXfs></${p}styleSheet>`
  );
}

/**
 * A whole package. `sheets`: [{ name, xml, state, kind: 'worksheet' | 'chartsheet' }].
 * `absolute` writes relationship targets from the package root ("/xl/…").
 */
function workbookPackage({ sheets, sharedStrings, styles, prefix = '', ns = TRANSITIONAL, date1904 = false, absolute = false }) {
  const p = prefix ? `${prefix}:` : '';
  const xmlns = prefix ? `xmlns:${prefix}="${ns.main}"` : `xmlns="${ns.main}"`;
  const target = (path) => (absolute ? `/xl/${path}` : path);
  const entries = [];
  const rels = [];
  const types = [];
  sheets.forEach((sheet, i) => {
    const folder = sheet.kind === 'chartsheet' ? 'chartsheets' : 'worksheets';
    rels.push(
      `<Relationship Id="rId${i + 1}" Type="${ns.types}/${sheet.kind ?? 'worksheet'}" Target="${target(`${folder}/sheet${i + 1}.xml`)}"/>`,
    );
    types.push(
      `<Override PartName="/xl/${folder}/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.${sheet.kind === 'chartsheet' ? 'chartsheet' : 'worksheet'}+xml"/>`,
    );
    entries.push([`xl/${folder}/sheet${i + 1}.xml`, sheet.xml]);
  });
  if (sharedStrings) {
    rels.push(`<Relationship Id="rIdS" Type="${ns.types}/sharedStrings" Target="${target('sharedStrings.xml')}"/>`);
    entries.push(['xl/sharedStrings.xml', sharedStrings]);
  }
  if (styles) {
    rels.push(`<Relationship Id="rIdT" Type="${ns.types}/styles" Target="${target('styles.xml')}"/>`);
    entries.push(['xl/styles.xml', styles]);
  }
  const sheetList = sheets
    .map(
      (sheet, i) =>
        `<${p}sheet name="${escapeXml(sheet.name)}" sheetId="${i + 1}"${sheet.state ? ` state="${sheet.state}"` : ''} r:id="rId${i + 1}"/>`,
    )
    .join('');
  const workbook =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}workbook ${xmlns} xmlns:r="${ns.rel}">` +
    `<${p}workbookPr${date1904 ? ' date1904="1"' : ''}/><${p}sheets>${sheetList}</${p}sheets></${p}workbook>`;
  return zip([
    [
      '[Content_Types].xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
        `<Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${types.join('')}</Types>`,
    ],
    [
      '_rels/.rels',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PACKAGE_RELS}">` +
        `<Relationship Id="rId1" Type="${ns.types}/officeDocument" Target="${absolute ? '/xl/workbook.xml' : 'xl/workbook.xml'}"/></Relationships>`,
    ],
    ['xl/workbook.xml', workbook],
    [
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PACKAGE_RELS}">${rels.join('')}</Relationships>`,
    ],
    ...entries,
  ]);
}

/** The people as cells: birth dates as date serials in style 1, the rest as given by `text`. */
function peopleCells({ dateStyle = 1, date1904 = false, text = (value) => value } = {}) {
  return [
    [1, HEADER.map(text)],
    ...ROWS.map((row, i) => [i + 2, row.map((value, c) => (c === 3 ? { v: serial(value, date1904), s: dateStyle } : text(value)))]),
  ];
}

const CHART_SHEET = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<chartsheet xmlns="${TRANSITIONAL.main}" xmlns:r="${TRANSITIONAL.rel}"><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>`;
const TWIN = [HEADER, ...ROWS];

function writeHandBuilt(name, bytes, twin = TWIN) {
  writeFileSync(join(out, `${name}.xlsx`), bytes);
  if (twin) writeCsvTwin(name, twin);
}

function makeHandBuilt() {
  // Shared strings, a date style, relative targets: the plain case.
  {
    const strings = [];
    const xml = sheetXml(peopleCells(), { strings });
    writeHandBuilt(
      'hand-shared-strings',
      workbookPackage({ sheets: [{ name: '学生', xml }], sharedStrings: sharedStringsXml(strings), styles: stylesXml([0, 14]) }),
    );
  }
  // Every part with a namespace prefix (<x:worksheet>, <x:c>), as some .NET exporters write.
  {
    const strings = [];
    const xml = sheetXml(peopleCells(), { prefix: 'x', strings });
    writeHandBuilt(
      'hand-prefixed-namespaces',
      workbookPackage({
        sheets: [{ name: '学生', xml }],
        sharedStrings: sharedStringsXml(strings, { prefix: 'x' }),
        styles: stylesXml([0, 14], { prefix: 'x' }),
        prefix: 'x',
      }),
    );
  }
  // Strict OOXML (ISO 29500 strict): other namespaces and relationship types.
  {
    const xml = sheetXml(peopleCells(), { ns: STRICT });
    writeHandBuilt(
      'hand-strict-ooxml',
      workbookPackage({ sheets: [{ name: '学生', xml }], styles: stylesXml([0, 14], { ns: STRICT }), ns: STRICT }),
    );
  }
  // No `r` on rows or cells: positions count.
  {
    const rows = peopleCells().map(([number, cells]) => [number, cells]);
    const xml = sheetXml(rows, { noRefs: true });
    writeHandBuilt('hand-no-r-attributes', workbookPackage({ sheets: [{ name: 'Sheet1', xml }], styles: stylesXml([0, 14]) }));
  }
  // The 1904 date system (old Mac Excel).
  {
    const xml = sheetXml(peopleCells({ date1904: true }));
    writeHandBuilt('hand-date1904', workbookPackage({ sheets: [{ name: 'Sheet1', xml }], styles: stylesXml([0, 14]), date1904: true }));
  }
  // East Asian built-in date formats, with no <numFmt> (zh-CN Excel): one id per row.
  {
    const ids = [31, 57, 27, 58];
    const rows = peopleCells().map(([number, cells], i) => [number, cells.map((cell, c) => (c === 3 && i > 0 ? { ...cell, s: i } : cell))]);
    const xml = sheetXml(rows);
    writeHandBuilt('hand-east-asian-dates', workbookPackage({ sheets: [{ name: '学生', xml }], styles: stylesXml([0, ...ids]) }));
    const more = [30, 36, 50, 14];
    const xml2 = sheetXml(
      peopleCells().map(([number, cells], i) => [number, cells.map((cell, c) => (c === 3 && i > 0 ? { ...cell, s: i } : cell))]),
    );
    writeHandBuilt('hand-east-asian-dates-2', workbookPackage({ sheets: [{ name: '学生', xml: xml2 }], styles: stylesXml([0, ...more]) }));
  }
  // Custom date formats: Chinese text in quotes, locale and DBNum brackets; and a
  // number format that is not a date (an ID column formatted "0") stays a number.
  {
    const codes = { 176: '[$-804]yyyy"年"m"月"d"日";@', 177: '[DBNum1][$-804]yyyy"年"m"月"d"日', 178: 'yyyy/m/d;@', 179: '0' };
    const rows = peopleCells().map(([number, cells], i) => [
      number,
      cells.map((cell, c) => (c === 3 && i > 0 ? { ...cell, s: 1 + ((i - 1) % 3) } : cell)),
    ]);
    const xml = sheetXml(rows);
    writeHandBuilt(
      'hand-custom-date-formats',
      workbookPackage({ sheets: [{ name: '学生', xml }], styles: stylesXml([0, 176, 177, 178, 179], { codes }) }),
    );
  }
  // Names as inline rich text: every run counts (李 + 巧丽).
  {
    const rich = (text) => ({
      t: 'inlineStr',
      xml: `<is>${[...text].map((ch, i) => `<r>${i === 0 ? '<rPr><b/><sz val="11"/></rPr>' : ''}<t>${escapeXml(ch)}</t></r>`).join('')}</is>`,
    });
    const rows = peopleCells().map(([number, cells]) => [number, cells.map((cell, c) => (c === 0 && number > 1 ? rich(cell) : cell))]);
    writeHandBuilt(
      'hand-inline-rich-text',
      workbookPackage({ sheets: [{ name: '学生', xml: sheetXml(rows) }], styles: stylesXml([0, 14]) }),
    );
  }
  // Shared strings with rich-text runs and phonetic guides (<rPh>): the guide is not the text.
  {
    const strings = [];
    const xml = sheetXml(peopleCells(), { strings });
    const items = strings.map((text) => {
      if (!PEOPLE.some(([name]) => name === text)) return text;
      const [first, ...rest] = [...text];
      return `<r><rPr><b/></rPr><t>${escapeXml(first)}</t></r><r><t>${escapeXml(rest.join(''))}</t></r><rPh sb="0" eb="1"><t>pinyin</t></rPh><phoneticPr fontId="0" type="noConversion"/>`;
    });
    writeHandBuilt(
      'hand-phonetic-runs',
      workbookPackage({ sheets: [{ name: '学生', xml }], sharedStrings: sharedStringsXml(items), styles: stylesXml([0, 14]) }),
    );
  }
  // A chart sheet first, then a very hidden sheet, then the data.
  {
    const xml = sheetXml(peopleCells());
    const secret = sheetXml([[1, ['内部说明']]]);
    writeHandBuilt(
      'hand-chart-sheet-first',
      workbookPackage({
        sheets: [
          { name: '图表1', xml: CHART_SHEET, kind: 'chartsheet' },
          { name: '内部', xml: secret, state: 'veryHidden' },
          { name: '学生', xml },
        ],
        styles: stylesXml([0, 14]),
      }),
    );
  }
  writeHandBuilt(
    'hand-absolute-targets',
    workbookPackage({ sheets: [{ name: '学生', xml: sheetXml(peopleCells()) }], styles: stylesXml([0, 14]), absolute: true }),
  );
  // Birth dates as formulas: shared formulas with saved values, and one formula never calculated.
  {
    const rows = peopleCells().map(([number, cells]) => [
      number,
      cells.map((cell, c) => {
        if (c !== 3 || number === 1) return cell;
        if (number === 5) return { s: 1, xml: `<f t="shared" si="0"/>` };
        return { ...cell, xml: `<f t="shared" si="0"/><v>${cell.v}</v>` };
      }),
    ]);
    rows[1][1][3] = {
      s: 1,
      xml: `<f t="shared" ref="D2:D5" si="0">DATE(MID(B2,7,4),MID(B2,11,2),MID(B2,13,2))</f><v>${serial(ROWS[0][3])}</v>`,
    };
    const twin = TWIN.map((row, i) => (i === 4 ? row.map((value, c) => (c === 3 ? '' : value)) : row));
    writeHandBuilt('hand-formulas', workbookPackage({ sheets: [{ name: '学生', xml: sheetXml(rows) }], styles: stylesXml([0, 14]) }), twin);
  }
  // Data in columns Y to AD: the columns before are empty, two-letter columns follow one-letter ones.
  {
    const xml = sheetXml(peopleCells(), { firstColumn: 24 });
    const pad = Array.from({ length: 24 }, () => '');
    writeHandBuilt(
      'hand-two-letter-columns',
      workbookPackage({ sheets: [{ name: '学生', xml }], styles: stylesXml([0, 14]) }),
      TWIN.map((row) => [...pad, ...row]),
    );
  }
  // A title row, a header on row 3, blank rows between records, booleans, errors, t="str" and t="d" cells.
  {
    const header = [...HEADER, '是否残疾', '备注'];
    const extras = [
      [
        { t: 'b', v: 1 },
        { t: 'e', v: '#N/A' },
      ],
      [
        { t: 'b', v: 0 },
        { t: 'str', f: 'A4&""', v: '张伟' },
      ],
      [
        { t: 'b', v: 0 },
        { t: 'str', v: '' },
      ],
      [{ t: 'b', v: 0 }, ''],
    ];
    const rows = [
      [1, ['某县学籍导出 2026年']],
      [3, header],
      ...ROWS.map((row, i) => [
        i < 2 ? i + 4 : i + 6,
        [
          ...row.map((value, c) => (c === 3 ? (i === 3 ? { t: 'd', v: `${value}T00:00:00` } : { v: serial(value), s: 1 }) : value)),
          ...extras[i],
        ],
      ]),
    ];
    const twin = [
      ['某县学籍导出 2026年'],
      [],
      header,
      ...ROWS.slice(0, 2).map((row, i) => [...row, i === 0 ? 'true' : 'false', i === 1 ? '张伟' : '']),
      [],
      [],
      ...ROWS.slice(2).map((row) => [...row, 'false', '']),
    ];
    writeHandBuilt(
      'hand-title-gaps-types',
      workbookPackage({ sheets: [{ name: '学生', xml: sheetXml(rows) }], styles: stylesXml([0, 14]) }),
      twin,
    );
  }
  // A header over two rows with merged cells: 姓名/身份证号 merged down, 学籍信息 merged across.
  {
    const top = ['姓名', '身份证号', '性别', '出生日期', '学籍信息', ''];
    const second = ['', '', '', '', '学校名称', '学籍状态'];
    const rows = [
      [1, top],
      [2, second],
      ...ROWS.map((row, i) => [i + 3, row.map((value, c) => (c === 3 ? { v: serial(value), s: 1 } : value))]),
    ];
    const merges =
      '<mergeCells count="5"><mergeCell ref="A1:A2"/><mergeCell ref="B1:B2"/><mergeCell ref="C1:C2"/><mergeCell ref="D1:D2"/><mergeCell ref="E1:F1"/></mergeCells>';
    writeHandBuilt(
      'hand-two-row-header',
      workbookPackage({ sheets: [{ name: '学生', xml: sheetXml(rows, { tail: merges }) }], styles: stylesXml([0, 14]) }),
      null,
    );
  }
  // Damaged: the sheet's XML stops in the middle of a row (a writer that crashed).
  {
    const whole = sheetXml(peopleCells());
    const cut = whole.slice(0, whole.indexOf('<row r="4"') + 30);
    writeHandBuilt('damaged-sheet-ends-early', workbookPackage({ sheets: [{ name: '学生', xml: cut }], styles: stylesXml([0, 14]) }), null);
  }
  // Damaged: an absurd row number in a tiny file (a resource bomb).
  {
    const xml = sheetXml([...peopleCells().slice(0, 2), [2_000_000_000, ['张伟']]]);
    writeHandBuilt('damaged-absurd-row', workbookPackage({ sheets: [{ name: '学生', xml }], styles: stylesXml([0, 14]) }), null);
  }
  // Damaged: a cell beyond column XFD.
  {
    const xml = sheetXml(peopleCells()).replace('r="A3"', 'r="XFE3"');
    writeHandBuilt('damaged-column-beyond-xfd', workbookPackage({ sheets: [{ name: '学生', xml }], styles: stylesXml([0, 14]) }), null);
  }
  // Only hidden sheets: nothing to read without the `sheet` setting.
  {
    const xml = sheetXml(peopleCells());
    writeHandBuilt(
      'hand-only-hidden-sheets',
      workbookPackage({
        sheets: [
          { name: '填表说明', xml: sheetXml([[1, ['说明']]]), state: 'hidden' },
          { name: '学生', xml, state: 'hidden' },
        ],
        styles: stylesXml([0, 14]),
      }),
    );
  }
}

// ---------------------------------------------------------------- real writers

async function makeWithExcelJs() {
  const date = (iso) => new Date(`${iso}T00:00:00Z`);
  // A hidden first sheet of instructions (填表说明) before the data, shared strings, a date format.
  {
    const workbook = new ExcelJS.Workbook();
    const notes = workbook.addWorksheet('填表说明', { state: 'hidden' });
    notes.addRow(['姓名', '身份证号', '学籍状态', '学校名称']);
    notes.addRow(['请按模板填写']);
    const sheet = workbook.addWorksheet('学生');
    sheet.addRow(HEADER);
    for (const row of ROWS) sheet.addRow(row.map((value, c) => (c === 3 ? date(value) : value)));
    sheet.getColumn(4).numFmt = 'yyyy-mm-dd';
    await workbook.xlsx.writeFile(join(out, 'exceljs-hidden-first-sheet.xlsx'));
    writeCsvTwin('exceljs-hidden-first-sheet', TWIN);
  }
  // The streaming writer with inline strings, as large exports are written; names as rich text.
  {
    const path = join(out, 'exceljs-streaming-rich-text.xlsx');
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false, useStyles: true });
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow(HEADER).commit();
    for (const row of ROWS) {
      const added = sheet.addRow(row.map((value, c) => (c === 3 ? date(value) : value)));
      const [first, ...rest] = [...row[0]];
      added.getCell(1).value = { richText: [{ text: first, font: { bold: true } }, { text: rest.join('') }] };
      added.getCell(4).numFmt = 'yyyy"年"m"月"d"日"';
      added.commit();
    }
    sheet.commit();
    await workbook.commit();
    writeCsvTwin('exceljs-streaming-rich-text', TWIN);
  }
}

function python() {
  for (const candidate of ['/usr/bin/python3', 'python3']) {
    const probe = spawnSync(candidate, ['-c', 'import openpyxl'], { encoding: 'utf8' });
    if (probe.status === 0) return candidate;
  }
  return null;
}

function makeWithOpenpyxl() {
  const interpreter = python();
  if (!interpreter) {
    process.stderr.write('openpyxl not found (apt-get install python3-openpyxl): openpyxl fixtures kept as committed\n');
    return false;
  }
  const script = `
import datetime, json, sys
from openpyxl import Workbook
header, rows, out = json.loads(sys.argv[1]), json.loads(sys.argv[2]), sys.argv[3]
def day(iso):
    return datetime.datetime.strptime(iso, '%Y-%m-%d')
# pandas/openpyxl: absolute part names in the relationships, dates formatted yyyy-mm-dd.
wb = Workbook(); ws = wb.active; ws.title = '学生'
ws.append(header)
for row in rows:
    ws.append([day(v) if c == 3 else v for c, v in enumerate(row)])
for cell in ws['D'][1:]:
    cell.number_format = 'yyyy-mm-dd'
wb.save(out + '/openpyxl-absolute-targets.xlsx')
# Formulas written by a script: openpyxl saves no value for them.
wb = Workbook(); ws = wb.active; ws.title = '学生'
ws.append(header)
for i, row in enumerate(rows):
    r = i + 2
    ws.append([v for v in row])
    ws.cell(row=r, column=4).value = '=DATE(MID(B%d,7,4),MID(B%d,11,2),MID(B%d,13,2))' % (r, r, r)
    ws.cell(row=r, column=4).number_format = 'yyyy-mm-dd'
wb.save(out + '/openpyxl-formulas-no-value.xlsx')
`;
  const result = spawnSync(interpreter, ['-c', script, JSON.stringify(HEADER), JSON.stringify(ROWS), out], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`openpyxl failed: ${result.stderr}`);
  writeCsvTwin('openpyxl-absolute-targets', TWIN);
  writeCsvTwin(
    'openpyxl-formulas-no-value',
    TWIN.map((row, i) => (i === 0 ? row : row.map((value, c) => (c === 3 ? '' : value)))),
  );
  return true;
}

/** LibreOffice opens openpyxl's formula workbook, calculates it and saves it: formulas with saved values. */
function makeWithLibreOffice() {
  const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((path) => existsSync(path));
  if (!soffice || !existsSync(join(out, 'openpyxl-formulas-no-value.xlsx'))) {
    process.stderr.write('LibreOffice not found (apt-get install libreoffice-calc-nogui): LibreOffice fixtures kept as committed\n');
    return;
  }
  const work = mkdtempSync(join(tmpdir(), 'xlsx-fixtures-'));
  try {
    const input = join(work, 'libreoffice-formulas-saved.xlsx');
    writeFileSync(input, readFileSync(join(out, 'openpyxl-formulas-no-value.xlsx')));
    const converted = join(work, 'converted');
    const result = spawnSync(
      soffice,
      [
        `-env:UserInstallation=file://${join(work, 'profile')}`,
        '--headless',
        '--convert-to',
        'xlsx:Calc MS Excel 2007 XML',
        '--outdir',
        converted,
        input,
      ],
      { encoding: 'utf8', timeout: 120_000 },
    );
    const output = join(converted, 'libreoffice-formulas-saved.xlsx');
    if (result.status !== 0 || !existsSync(output)) throw new Error(`LibreOffice failed: ${result.stderr}`);
    renameSync(output, join(out, 'libreoffice-formulas-saved.xlsx'));
    writeCsvTwin('libreoffice-formulas-saved', TWIN);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

makeHandBuilt();
await makeWithExcelJs();
if (makeWithOpenpyxl()) makeWithLibreOffice();
process.stdout.write(`fixtures written to ${out}\n`);
