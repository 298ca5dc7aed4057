import { once } from 'node:events';
import type { ServerResponse } from 'node:http';
import ExcelJS from 'exceljs';
import { attachmentDisposition } from '../common/content-disposition';

export type Cell = string | number | boolean | null | undefined;

/** One CSV field: quoted, with a leading formula character defused so a spreadsheet shows it as text. */
export function csvField(value: Cell): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== String(value) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Writes rows as they come, waiting for the client when its buffer is full. */
export interface TableWriter {
  sheet(name: string, header: string[]): Promise<void>;
  row(cells: Cell[]): Promise<void>;
  end(): Promise<void>;
}

export function csvWriter(response: ServerResponse, filename: string): TableWriter {
  response.setHeader('content-type', 'text/csv; charset=utf-8');
  response.setHeader('content-disposition', attachmentDisposition(filename));
  const write = async (line: string) => {
    if (!response.write(line)) await once(response, 'drain');
  };
  let first = true;
  return {
    async sheet(name, header) {
      // A CSV file holds one table: later tables follow after a blank line, named.
      if (!first) await write(`\r\n${csvField(name)}\r\n`);
      first = false;
      await write(`${header.map(csvField).join(',')}\r\n`);
    },
    row: (cells) => write(`${cells.map(csvField).join(',')}\r\n`),
    async end() {
      response.end();
    },
  };
}

export function xlsxWriter(response: ServerResponse, filename: string): TableWriter {
  response.setHeader('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  response.setHeader('content-disposition', attachmentDisposition(filename));
  // The streaming writer sends each committed row on to the response instead of keeping the workbook.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: response, useStyles: false });
  let sheet: ExcelJS.Worksheet | undefined;
  return {
    async sheet(name, header) {
      sheet?.commit();
      sheet = workbook.addWorksheet(name);
      sheet.addRow(header).commit();
    },
    async row(cells) {
      sheet?.addRow(cells.map((cell) => cell ?? null)).commit();
    },
    async end() {
      sheet?.commit();
      await workbook.commit();
    },
  };
}
