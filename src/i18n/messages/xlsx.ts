import type { Text } from '../index.js';

/** Messages about reading workbooks (.xlsx): src/load/read-xlsx.ts and its xlsx-*.ts helpers. */
export const xlsxMessages = {
  'xlsx.label_formulas': { zh: '公式', en: 'formulas' },
  'xlsx.formulas_note': { zh: '注意：{source} {file}：{text}', en: 'Note: {source} {file}: {text}' },
  'xlsx.ends_early': {
    zh: '{file}：工作簿不完整（文件已损坏或仍在复制中）——等复制完成后再运行；若仍如此，请重新导出或复制一份',
    en: '{file}: the workbook ends early (file damaged or still being copied) — wait until the copy has finished and run again; if it stays so, export or copy the file again',
  },
  'xlsx.not_zip': {
    zh: '{file}：不是 .xlsx 工作簿（内容不是 Excel 2007 及以后的格式）——请用 Excel 或 WPS 打开后另存为 .xlsx，或导出为 CSV',
    en: '{file}: not an .xlsx workbook (its content is not in the Excel 2007+ format) — open it in Excel or WPS and save it as .xlsx, or export it as CSV',
  },
  'xlsx.ole_file': {
    zh: '{file}：这是旧版 .xls 文件或设了密码的工作簿——请用 Excel 或 WPS 打开，去掉密码后另存为 .xlsx，或导出为 CSV',
    en: '{file}: this is a legacy .xls file or a password-protected workbook — open it in Excel or WPS, remove the password and save it as .xlsx, or export it as CSV',
  },
  'xlsx.not_workbook': {
    zh: '{file}：这个 zip 文件里没有工作簿（可能是 Word 或其他文件改了扩展名）——请从原系统重新导出 .xlsx 或 CSV',
    en: '{file}: this zip holds no workbook (perhaps a Word document or another file renamed to .xlsx) — export the data again as .xlsx or CSV',
  },
  'xlsx.damaged': {
    zh: '{file}：工作簿已损坏（{detail}）——请用 Excel 或 WPS 打开后重新保存，或导出为 CSV',
    en: '{file}: the workbook is damaged ({detail}) — open it in Excel or WPS and save it again, or export it as CSV',
  },
  'xlsx.sheet_not_found': {
    zh: '{file}：没有名为“{sheet}”的工作表（工作表：{sheets}；隐藏或图表工作表：{others}）——请在配置文件中把 {setting} 设为其中一个',
    en: '{file}: there is no sheet named "{sheet}" (sheets: {sheets}; hidden or chart sheets: {others}) — set {setting} in the config file to one of them',
  },
  'xlsx.sheet_not_worksheet': {
    zh: '{file}：工作表“{sheet}”是图表或宏表，没有数据单元格（工作表：{sheets}；隐藏或图表工作表：{others}）——请在配置文件中把 {setting} 设为数据所在的工作表',
    en: '{file}: sheet "{sheet}" is a chart or macro sheet with no cells (sheets: {sheets}; hidden or chart sheets: {others}) — set {setting} in the config file to the sheet that holds the data',
  },
  'xlsx.no_visible_sheet': {
    zh: '{file}：没有可读取的可见工作表（工作表：{sheets}；隐藏或图表工作表：{others}）——如果数据在隐藏的工作表里，请在配置文件中把 {setting} 设为它的名称',
    en: '{file}: no visible worksheet to read (sheets: {sheets}; hidden or chart sheets: {others}) — if the data is in a hidden sheet, set {setting} in the config file to its name',
  },
  'xlsx.row_out_of_range': {
    zh: '{file}，工作表“{sheet}”：第 {row} 行之后出现行号 {value}，超出 Excel 的最大行数 1,048,576——文件已损坏；请用 Excel 或 WPS 打开后重新保存，或导出为 CSV',
    en: '{file}, sheet "{sheet}": after row {row} comes a row numbered {value}, beyond Excel\'s last row 1,048,576 — the file is damaged; open it in Excel or WPS and save it again, or export it as CSV',
  },
  'xlsx.column_out_of_range': {
    zh: '{file}，工作表“{sheet}”：第 {row} 行有第 {value} 列的单元格，超出 Excel 的最大列数 16,384——文件已损坏；请用 Excel 或 WPS 打开后重新保存，或导出为 CSV',
    en: '{file}, sheet "{sheet}": row {row} has a cell in column {value}, beyond Excel\'s last column 16,384 — the file is damaged; open it in Excel or WPS and save it again, or export it as CSV',
  },
  'xlsx.row_out_of_order': {
    zh: '{file}，工作表“{sheet}”：第 {row} 行之后又出现第 {value} 行，行的顺序错乱——文件已损坏；请用 Excel 或 WPS 打开后重新保存，或导出为 CSV',
    en: '{file}, sheet "{sheet}": row {value} comes after row {row}, so the rows are out of order — the file is damaged; open it in Excel or WPS and save it again, or export it as CSV',
  },
  'xlsx.shared_string_missing': {
    zh: '{file}，工作表“{sheet}”：第 {row} 行引用了不存在的共享文本（编号 {value}）——文件已损坏；请用 Excel 或 WPS 打开后重新保存，或导出为 CSV',
    en: '{file}, sheet "{sheet}": row {row} refers to shared text number {value}, which the workbook does not have — the file is damaged; open it in Excel or WPS and save it again, or export it as CSV',
  },
  'xlsx.header_not_in_sheet': {
    zh: '{detail}\n  读取的是工作表“{sheet}”；工作簿里还有工作表 {others}——如果数据在其中之一，请在配置文件中写 {setting}',
    en: '{detail}\n  the sheet read was "{sheet}"; the workbook also has {others} — if the data is on one of them, write {setting} in the config file',
  },
  'xlsx.formulas_without_value': {
    zh: '{count} 个公式单元格没有保存计算结果，按空值读取——请用 Excel 或 WPS 打开工作簿并重新保存',
    en: '{count} formula cells have no saved value and are read as empty — open the workbook in Excel or WPS and save it again',
  },
  'xlsx.header_two_rows': {
    zh: '{file}：表头占了两行（第 {row} 行和第 {next} 行，多半是合并单元格），缺少的列名 {headers} 在第 {next} 行——请取消表头的合并单元格，把每列的列名放在同一行（删去多余的那一行）后再运行；仅在配置文件的 columns 中写列名不能解决',
    en: '{file}: the header spans two rows (rows {row} and {next}, most likely merged cells), and the missing column names {headers} are on row {next} — unmerge the header cells and put every column name on one row (delete the other row), then run again; naming the columns under "columns" in the config file does not help here',
  },
  'xlsx.split_sheets': {
    zh: '{file}：工作表 {sheets} 的表头相同，数据分在了几个工作表里，而只会读取第一个工作表“{sheet}”——其余工作表的行会被漏掉，变成大量误报。请把这些工作表的行复制到同一个工作表里（只保留一行表头）后再运行；如果其中只有一个是要用的数据（例如另一个是上学期的），请在配置文件中写 {setting} 指定它',
    en: '{file}: sheets {sheets} have the same header, so the data is split across sheets, and only the first, "{sheet}", is read — the rows of the others would be missed and become false cases. Copy the rows of these sheets into one sheet (with one header row), then run again; if only one of them holds the data to use (another is last term\'s, say), name it in the config file: {setting}',
  },
  'xlsx.merged_cells': {
    zh: '{file}，工作表“{sheet}”：{column}“{header}”第 {from}–{to} 行是合并单元格（读取的列中共有 {count} 处跨行合并）——合并单元格只有第一行有值，其余各行会被读成空白。请取消合并并把值填到每一行后再运行：WPS 中选中这些列，点“合并居中”旁的小箭头，选“拆分并填充内容”；Excel 中先取消合并，再按 F5 →“定位条件”→“空值”，输入 = 和上方的单元格，按 Ctrl+Enter',
    en: '{file}, sheet "{sheet}": {column} "{header}", rows {from}–{to}, are merged cells ({count} ranges merged over several rows in the columns read) — a merged cell holds its value on its first row only, so the other rows would be read as empty. Unmerge them and fill the value into every row, then run again: in WPS select the columns, click the arrow beside 合并居中 and choose 拆分并填充内容; in Excel unmerge, press F5 → Special → Blanks, type = and the cell above, and press Ctrl+Enter',
  },
} satisfies Record<string, Text>;
