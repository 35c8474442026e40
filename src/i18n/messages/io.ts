import type { Text } from '../index.js';

/**
 * Input and output problems (issue #8, SPEC §6): what went wrong, where, and what to
 * do. Never a cell of a row: a name or an ID must not reach a log or a cron mail.
 */
export const ioMessages = {
  'io.file_empty': {
    zh: '{file}：文件是空的——需要一行表头，每人一行数据',
    en: '{file}: the file is empty — it needs a header row and one row per person',
  },
  'cli.option.out_or_config': {
    zh: '报告文件夹，每次运行整体原子替换（默认：配置文件中的 "out"，否则 ./rollcall-out）',
    en: 'report folder, replaced whole and atomically on every run (default: "out" in the config file, else ./rollcall-out)',
  },
  'cli.option.required_here_or_config': {
    zh: '{description}（必需：在此给出，或写在配置文件中）',
    en: '{description} (required: here or in the config file)',
  },
  // Input files
  'io.file_missing': {
    zh: '{file}：找不到文件——请检查路径',
    en: '{file}: file not found — check the path',
  },
  'io.input_is_folder': {
    zh: '{file}：不是普通文件（而是文件夹）——请给出导出文件本身的路径',
    en: '{file}: not a regular file (it is a folder) — give the path of the exported file itself',
  },
  'io.input_is_fifo': {
    zh: '{file}：不是普通文件（而是命名管道 FIFO）——请先把数据保存成文件，再给出该文件的路径',
    en: '{file}: not a regular file (it is a named pipe, FIFO) — save the data to a file first and give its path',
  },
  'io.input_is_socket': {
    zh: '{file}：不是普通文件（而是套接字）——请给出导出文件本身的路径',
    en: '{file}: not a regular file (it is a socket) — give the path of the exported file itself',
  },
  'io.input_is_device': {
    zh: '{file}：不是普通文件（而是设备）——请给出导出文件本身的路径',
    en: '{file}: not a regular file (it is a device) — give the path of the exported file itself',
  },
  'io.file_no_permission': {
    zh: '{file}：没有读取权限（{code}）——请让运行 rollcall 的用户可以读取该文件（例如 chmod o+r，或换一个用户运行）',
    en: '{file}: no permission to read it ({code}) — let the user who runs rollcall read the file (e.g. chmod o+r, or run as another user)',
  },
  'io.file_unreadable': {
    zh: '{file}：无法读取（{code}）——请检查路径和权限',
    en: '{file}: cannot be read ({code}) — check the path and its permissions',
  },
  'io.csv_cut_short_quote': {
    zh: '{file}：文件在一行的中间结束（第 {line} 行的引号没有闭合）：文件不完整（已损坏或仍在复制中）——请等复制完成或重新导出',
    en: '{file}: the file ends in the middle of a row (the quote on line {line} is never closed): cut short (damaged or still being copied) — wait for the copy to finish or export it again',
  },
  'io.csv_cut_short_row': {
    zh: '{file}：文件在一行的中间结束（最后一行第 {line} 行没有换行符，且字段比表头少）：文件不完整（已损坏或仍在复制中）——请等复制完成或重新导出',
    en: '{file}: the file ends in the middle of a row (the last line, {line}, has no line break and fewer fields than the header): cut short (damaged or still being copied) — wait for the copy to finish or export it again',
  },
  'io.csv_cut_short_char': {
    zh: '{file}：文件在一个字符的中间结束（第 {line} 行）：文件不完整（已损坏或仍在复制中）——请等复制完成或重新导出',
    en: '{file}: the file ends in the middle of a character (line {line}): cut short (damaged or still being copied) — wait for the copy to finish or export it again',
  },
  'io.not_utf8_line': {
    zh: '{file}：第 {line} 行不是 UTF-8 编码（前面的行是 UTF-8）：文件混用了两种编码（例如两份导出拼在一起）——请把整份文件另存为同一种编码后再运行；若整份文件是 GBK/GB18030，请加 --encoding gb18030',
    en: '{file}: line {line} is not UTF-8 (the lines before it are): the file mixes encodings (two exports pasted together?) — save the whole file in one encoding and run again; if all of it is GBK/GB18030, run with --encoding gb18030',
  },
  'io.utf8_line_in_gb18030': {
    zh: '{file}：文件按 GB18030 读取，但第 {line} 行是 UTF-8 编码：文件混用了两种编码（例如两份导出拼在一起）——请把整份文件另存为同一种编码后再运行',
    en: '{file}: the file is read as GB18030, but line {line} is UTF-8: the file mixes encodings (two exports pasted together?) — save the whole file in one encoding and run again',
  },
  'io.not_gb18030_line': {
    zh: '{file}：第 {line} 行含有 GB18030 中不存在的字节：文件已损坏或混用了编码——请重新导出；若文件是 UTF-8，请加 --encoding utf-8',
    en: '{file}: line {line} has bytes that are not GB18030: the file is damaged or mixes encodings — export it again; if it is UTF-8, run with --encoding utf-8',
  },
  'io.line_too_long': {
    zh: '{file}：第 {line} 行超过 {limit}，不是导出表格的一行：文件已损坏或不是导出文件——请重新导出',
    en: '{file}: line {line} is longer than {limit}, which no export row is: the file is damaged or not an export — export it again',
  },
  'io.blank_run_too_long': {
    zh: '{file}：第 {from}–{to} 行连续 {count} 行是空行，夹在记录之间（上限 {limit} 行）：文件已损坏或拼接了多余内容——请删除这些空行或重新导出',
    en: '{file}: rows {from}–{to} are {count} empty rows in a row between records (the limit is {limit}): the file is damaged or has junk pasted into it — delete the empty rows or export it again',
  },
  'io.header_looks_like_data': {
    zh: '{file}：{source}文件第 {row} 行看起来是数据而不是表头：导出时没有带表头行——请重新导出并勾选“包含表头”（或在第一行加上列名，如 姓名、身份证号）',
    en: '{file}: row {row} of the {source} file looks like data, not headers: the export has no header row — export it again with headers (or add the column names, such as 姓名 and 身份证号, as the first row)',
  },
  'io.unknown_encoding': {
    zh: '{where} "{value}"：不支持的编码——可用：{choices}',
    en: '{where} "{value}": unknown encoding — use one of {choices}',
  },
  'io.input_not_given': {
    zh: '没有给出{label}文件——请用 --{source} 指定，或在配置文件中写 sources.{source}.file',
    en: 'no {label} file given — name it with --{source}, or as sources.{source}.file in the config file',
  },
  // Files that are not what their name says, or not read at all (SPEC §1 formats)
  'io.xls_file': {
    zh: '{file}：不能读取旧版 Excel .xls 文件——请用 Excel 或 WPS 打开后另存为 .xlsx 或 CSV',
    en: '{file}: legacy Excel .xls files are not read — open it in Excel and save it as .xlsx or as CSV',
  },
  'io.unknown_file_type': {
    zh: '{file}：不认识的文件类型“{extension}”——请用 Excel 或 WPS 打开后另存为 .xlsx，或导出为 .csv',
    en: '{file}: unknown file type "{extension}" — export the data as .csv or .xlsx',
  },
  'io.no_extension': { zh: '无扩展名', en: '(none)' },
  'io.utf16_text': {
    zh: '{file}：这是 UTF-16 文本（Excel 的“Unicode 文本”），不能读取——请另存为“CSV UTF-8（逗号分隔）”或 .xlsx',
    en: '{file}: UTF-16 text ("Unicode text" in Excel) is not read — save it as "CSV UTF-8 (逗号分隔)" or as .xlsx',
  },
  'io.xlsx_named_csv': {
    zh: '{file}：这是工作簿（.xlsx），文件名却是 .csv——请把扩展名改为 .xlsx',
    en: '{file}: this is a workbook (.xlsx) with a .csv name — rename it to .xlsx',
  },
  'io.xls_named_csv': {
    zh: '{file}：这是旧版 Excel .xls 工作簿，文件名却是 .csv——请用 Excel 或 WPS 打开后另存为 .xlsx 或 CSV',
    en: '{file}: this is a legacy Excel .xls workbook with a .csv name — open it in Excel and save it as .xlsx or .csv',
  },
  'io.binary_data': {
    zh: '{file}：含有二进制数据，不是 CSV 文本——请重新导出为 CSV 或 .xlsx',
    en: '{file}: contains binary data, not CSV text — export the data again as CSV or .xlsx',
  },

  // A source whose content is destroyed (load/content-check.ts): stop before thousands of false cases.
  'io.no_data_rows': {
    zh: '{file}：{source}文件在表头（第 {row} 行）下面没有数据行——文件可能没有导出完整，或导出时选错了范围；请重新导出后再运行。未写入任何内容',
    en: '{file}: the {source} file has no data rows below its header (row {row}) — the export is incomplete or covers the wrong selection; export it again and rerun. Nothing was written',
  },
  'io.no_usable_rows': {
    zh: '{file}：{source}文件的 {rows} 行数据没有一行可用——请运行 rollcall inspect 查看每行被拒绝的原因，改正或重新导出后再运行。未写入任何内容',
    en: '{file}: none of the {rows} data rows of the {source} file can be used — run rollcall inspect to see why each was rejected, fix the file or export it again, and rerun. Nothing was written',
  },
  'io.most_rows_rejected': {
    zh: '{file}：{source}文件的 {rows} 行数据中有 {count} 行无法使用（列数与表头不符或引号不成对；超过 {limit}% 即停止运行）——文件很可能在导出或复制时损坏（如分隔符不对）；请运行 rollcall inspect 查看，改正或重新导出后再运行。未写入任何内容',
    en: '{file}: {count} of the {rows} data rows of the {source} file cannot be used (more than {limit}% stops the run): fields not matching the header or broken quotes — the file was most likely damaged when exported or copied (a wrong delimiter, say); run rollcall inspect to see, fix the file or export it again, and rerun. Nothing was written',
  },
  'io.column_ids_digits_lost': {
    zh: '{file}：{source}文件“{column}”列的 {total} 个身份证号中有 {count} 个被表格存成了数字，后几位已丢失（超过 {limit}% 且至少 {min} 个即停止运行）——请从原系统重新导出，并把该列导出为文本（不要在 Excel 中把它存成数字或科学计数法）。未写入任何内容',
    en: '{file}: {count} of the {total} ID numbers in column "{column}" of the {source} file were stored as numbers by a spreadsheet and lost their last digits (more than {limit} % and at least {min}: the run stops) — export it again from the source system with that column as text (never saved as numbers or in scientific notation). Nothing was written',
  },
  'io.column_dates_unreadable': {
    zh: '{file}：{source}文件“{column}”列的 {total} 个日期中有 {count} 个读不出（超过 {limit}% 且至少 {min} 个即停止运行），如第 {rows} 行——可能是没有设日期格式的数字（如 43930）或不认识的写法；请在 Excel 中把该列设为“日期”格式，或写成 2014-03-05、2014/3/5、20140305、2014年3月5日，再运行。未写入任何内容',
    en: '{file}: {count} of the {total} dates in column "{column}" of the {source} file cannot be read (more than {limit} % and at least {min}: the run stops), such as on rows {rows} — numbers in cells not formatted as dates (such as 43930) or a form not known; format the column as a date in Excel, or write 2014-03-05, 2014/3/5, 20140305 or 2014年3月5日, and rerun. Nothing was written',
  },
  'io.column_formulas_without_value': {
    zh: '{file}：{source}文件“{column}”列在 {rows} 行数据中有 {count} 个公式单元格没有保存计算结果，会被当作空值（超过 {limit}% 且至少 {min} 个即停止运行）——请用 Excel 或 WPS 打开工作簿并重新保存，再运行。未写入任何内容',
    en: '{file}: column "{column}" of the {source} file has {count} formula cells without a saved value in its {rows} data rows, which would be read as empty (more than {limit} % and at least {min}: the run stops) — open the workbook in Excel or WPS, save it again, and rerun. Nothing was written',
  },

  // rejected.csv, column `detail` (the `reason` code stays English)
  'io.rejected_blank_row': { zh: '记录之间的空行', en: 'an empty row between records' },
  'io.rejected_field_count': {
    zh: '该行有 {fields} 个字段，表头有 {expected} 个',
    en: 'the row has {fields} fields, the header has {expected}',
  },
  'io.rejected_unclosed_quote': { zh: '引号打开后没有闭合', en: 'a quote is opened and never closed' },
  'io.rejected_broken_quotes': { zh: '引号跨越多行，破坏了这一行', en: 'quotes run across lines and break the row' },
  'io.rejected_repeated_header': { zh: '表头行再次出现', en: 'the header row appears again' },
  'io.rejected_no_identity': { zh: '没有身份证号、姓名和学籍号', en: 'no ID number, no name and no student number' },

  // The output folder
  'io.out_is_file': {
    zh: '--out {out}：这是一个文件——请给出用于存放报告的文件夹',
    en: '--out {out}: is a file — name a folder for the reports',
  },
  'io.out_mountpoint': {
    zh: '--out {out}：这是一个挂载点（另一块磁盘或网络共享）——rollcall 通过改名整体替换报告文件夹，挂载点无法改名；请指定其中的一个文件夹，例如 {inside}',
    en: '--out {out}: is a mount point (another disk or a network share) — rollcall replaces the report folder whole by renaming it, which a mount point cannot be; name a folder inside it, e.g. {inside}',
  },
  'io.out_not_ours': {
    zh: '--out {out}：该文件夹里有其他文件，且不是 rollcall 写的——请指定一个新的或空的文件夹（rollcall 每次运行都会整体替换它）',
    en: '--out {out}: the folder has other files in it and was not written by rollcall — name a new or empty folder (rollcall replaces it whole on every run)',
  },
  'io.out_enospc': {
    zh: '写入 {path} 时磁盘空间不足（no space left on device）——请清理该磁盘后重新运行；上一次的报告保持不变',
    en: 'no space left on the disk of {path} — free some space and run again; the previous report is unchanged',
  },
  'io.out_edquot': {
    zh: '写入 {path} 时超出磁盘配额——请清理或提高该用户的配额后重新运行；上一次的报告保持不变',
    en: 'disk quota exceeded while writing {path} — free space or raise the quota of the user who runs rollcall; the previous report is unchanged',
  },
  'io.out_efbig': {
    zh: '写入 {path} 时文件超过了允许的大小（文件系统或 ulimit -f 的限制）——请检查 ulimit -f 或换一个文件系统；上一次的报告保持不变',
    en: 'file too large while writing {path} (a limit of the file system or of ulimit -f) — check ulimit -f or use another file system; the previous report is unchanged',
  },
  'io.out_erofs': {
    zh: '{path} 所在的文件系统是只读的——请用 --out 指定一个可写的位置',
    en: '{path} is on a read-only file system — name a writable place with --out',
  },
  'io.out_eacces': {
    zh: '没有写入 {path} 的权限（{code}）——请用 --out 指定运行 rollcall 的用户可以写入的文件夹，或修改该文件夹的权限',
    en: 'no permission to write {path} ({code}) — name a folder with --out that the user who runs rollcall can write, or change its permissions',
  },
  'io.out_enotdir': {
    zh: '{path}：路径中有一部分是文件而不是文件夹——请检查 --out 的路径',
    en: '{path}: a part of the path is a file, not a folder — check the --out path',
  },
  'io.out_other': {
    zh: '写入 {path} 失败（{code}）——请检查 --out 的位置、磁盘和权限；上一次的报告保持不变',
    en: 'cannot write {path} ({code}) — check the --out location, its disk and its permissions; the previous report is unchanged',
  },
  'io.lock_busy': {
    zh: '{target} 正在被另一个 rollcall 运行使用（进程号 {pid}，开始于 {started}，主机 {host}）——请等它结束后再运行；如果确定没有 rollcall 在运行，请删除锁文件 {lock}',
    en: '{target} is in use by another rollcall run (pid {pid}, started {started}, host {host}) — wait for it to finish; if no rollcall is running, delete the lock file {lock}',
  },
  'io.lock_unreadable': {
    zh: '锁文件 {lock} 无法读取（{code}）：它是另一个用户（如 root）的 rollcall 运行留下的，看不出那次运行是否还在——如果确定没有 rollcall 在运行，请删除该锁文件后再运行，并让定时任务和手工运行使用同一个用户',
    en: 'the lock file {lock} cannot be read ({code}): a rollcall run of another user (root, say) left it, and whether that run is still going cannot be told — if no rollcall is running, delete the lock file and run again, and let cron and hand-made runs use the same user',
  },
  'io.lock_contended': {
    zh: '{target}：多个 rollcall 同时在争用锁文件 {lock}——请确认只有一个定时任务在运行，然后重试',
    en: '{target}: several rollcall runs are competing for the lock file {lock} — make sure only one scheduled job runs, then try again',
  },

  // Stopping
  'io.interrupted': {
    zh: '运行被中断（{signal}）：临时文件已删除，上一次的报告保持不变',
    en: 'the run was interrupted ({signal}): its temporary files are removed and the previous report is unchanged',
  },
} satisfies Record<string, Text>;
