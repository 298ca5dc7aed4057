/** The files a case may hold, by extension, with the first bytes each must start with. */
interface FileType {
  mimeType: string;
  /** Checks the first bytes; a file whose content does not match its name is refused. */
  matches: (head: Buffer) => boolean;
}

const starts =
  (...signatures: number[][]) =>
  (head: Buffer) =>
    signatures.some((signature) => signature.every((byte, i) => head[i] === byte));
const ZIP = starts([0x50, 0x4b, 0x03, 0x04]);
const OLE = starts([0xd0, 0xcf, 0x11, 0xe0]);
/** Text files: no NUL byte in what was read. */
const TEXT = (head: Buffer) => !head.includes(0);

const TYPES: Record<string, FileType> = {
  pdf: { mimeType: 'application/pdf', matches: starts([0x25, 0x50, 0x44, 0x46]) },
  png: { mimeType: 'image/png', matches: starts([0x89, 0x50, 0x4e, 0x47]) },
  jpg: { mimeType: 'image/jpeg', matches: starts([0xff, 0xd8, 0xff]) },
  jpeg: { mimeType: 'image/jpeg', matches: starts([0xff, 0xd8, 0xff]) },
  gif: { mimeType: 'image/gif', matches: starts([0x47, 0x49, 0x46, 0x38]) },
  tif: { mimeType: 'image/tiff', matches: starts([0x49, 0x49, 0x2a, 0x00], [0x4d, 0x4d, 0x00, 0x2a]) },
  tiff: { mimeType: 'image/tiff', matches: starts([0x49, 0x49, 0x2a, 0x00], [0x4d, 0x4d, 0x00, 0x2a]) },
  txt: { mimeType: 'text/plain', matches: TEXT },
  csv: { mimeType: 'text/csv', matches: TEXT },
  eml: { mimeType: 'message/rfc822', matches: TEXT },
  docx: { mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', matches: ZIP },
  xlsx: { mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', matches: ZIP },
  pptx: {
    mimeType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    matches: ZIP,
  },
  odt: { mimeType: 'application/vnd.oasis.opendocument.text', matches: ZIP },
  ods: { mimeType: 'application/vnd.oasis.opendocument.spreadsheet', matches: ZIP },
  doc: { mimeType: 'application/msword', matches: OLE },
  xls: { mimeType: 'application/vnd.ms-excel', matches: OLE },
  msg: { mimeType: 'application/vnd.ms-outlook', matches: OLE },
};

export const ACCEPTED_EXTENSIONS = Object.keys(TYPES);

const extensionOf = (filename: string) => /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase() ?? '';

/** The file's type from its name, or null when the name's type is not accepted. */
export function typeOf(filename: string): FileType | null {
  return TYPES[extensionOf(filename)] ?? null;
}

/** Office formats are redacted only after conversion to PDF. */
export const isOffice = (mimeType: string) =>
  /officedocument|opendocument|msword|ms-excel|ms-outlook/.test(mimeType);
