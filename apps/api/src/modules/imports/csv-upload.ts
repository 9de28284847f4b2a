import type { FastifyRequest } from 'fastify';
import { DomainError, ValidationError } from '../../common/errors';
import { decodeText, parseCsv } from './csv-parse';
import { rowsFromCsv } from './hotline-rows';

const MAX_CSV_BYTES = 2 * 1024 * 1024;

/** The orders of an uploaded CSV (multipart field `file`), decoded from UTF-8 or GBK. */
export async function ordersFromCsvUpload(req: FastifyRequest): Promise<Record<string, string>[]> {
  const declared = Number(req.headers['content-length']);
  const tooLarge = () => new DomainError('PAYLOAD_TOO_LARGE', 'CSV 文件不能超过 2 MB', { file: 'CSV 文件不能超过 2 MB' });
  if (Number.isFinite(declared) && declared > MAX_CSV_BYTES + 64 * 1024) throw tooLarge();
  let bytes: Buffer;
  try {
    const part = await req.file({ limits: { fileSize: MAX_CSV_BYTES, files: 1 } });
    if (!part || part.fieldname !== 'file') {
      part?.file.resume();
      throw new ValidationError({ file: '请选择要导入的 CSV 文件' });
    }
    bytes = await part.toBuffer();
  } catch (e) {
    if (e instanceof DomainError) throw e;
    if ((e as { code?: string })?.code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    throw new ValidationError({ file: '上传内容格式有误,请重试' });
  }
  try {
    return rowsFromCsv(parseCsv(decodeText(bytes).text));
  } catch (e) {
    throw new ValidationError({ file: `CSV 缺少列: ${e instanceof Error ? e.message : ''}` });
  }
}
