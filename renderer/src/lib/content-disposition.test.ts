import { describe, expect, it } from 'vitest';
import { filenameFromDisposition } from './content-disposition';

describe('filenameFromDisposition', () => {
  it('reads quoted, bare and UTF-8 extended names, preferring the extended one', () => {
    expect(filenameFromDisposition('attachment; filename="meeting-42.srt"')).toBe('meeting-42.srt');
    expect(filenameFromDisposition('attachment; filename=meeting-42.vtt')).toBe('meeting-42.vtt');
    expect(
      filenameFromDisposition(
        `attachment; filename="meeting.txt"; filename*=UTF-8''%E5%91%A8%E4%BC%9A-%E8%AE%B0%E5%BD%95.txt`,
      ),
    ).toBe('周会-记录.txt');
    expect(filenameFromDisposition('attachment; filename="say \\"hi\\".txt"')).toBe('say "hi".txt');
  });

  it('drops folders and answers null when there is no usable name', () => {
    expect(filenameFromDisposition('attachment; filename="../../etc/passwd"')).toBe('passwd');
    expect(filenameFromDisposition('attachment; filename="C:\\\\x\\\\y.json"')).toBe('y.json');
    expect(filenameFromDisposition('attachment; filename=".."')).toBeNull();
    expect(filenameFromDisposition('attachment')).toBeNull();
    expect(filenameFromDisposition(null)).toBeNull();
  });
});
