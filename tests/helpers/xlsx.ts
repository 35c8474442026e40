import ExcelJS from 'exceljs';

/** Reads a workbook whole (tests only: small files). */
export async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/** Every cell's text, sheet by sheet: what a person opening the file can see. */
export function workbookText(workbook: ExcelJS.Workbook): string {
  const parts: string[] = [];
  workbook.eachSheet((sheet) => {
    parts.push(sheet.name);
    sheet.eachRow((row) => row.eachCell((cell) => parts.push(String(cell.text))));
  });
  return parts.join('\n');
}

export { ExcelJS };
