export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'shift_jis';

export interface DecodedText {
  text: string;
  encoding: CsvEncoding;
}

/**
 * UTF-16 without a BOM still betrays itself: CSV text is mostly ASCII (digits, commas,
 * line breaks), whose high byte is NUL. UTF-8 and Shift_JIS text never contains NUL.
 */
function utf16ByNuls(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  let even = 0;
  let odd = 0;
  const end = Math.min(bytes.length, 4096);
  for (let i = 0; i < end; i++) {
    if (bytes[i] !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  if (even + odd === 0) return undefined;
  return odd > even ? 'utf-16le' : 'utf-16be';
}

function validUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Decodes a published CSV. Municipal files come as UTF-8 (with or without BOM), UTF-16LE
 * (Excel's 「Unicode テキスト」) or Shift_JIS; anything that is not valid UTF-8 is taken as
 * Shift_JIS, whose WHATWG decoder also covers the cp932 extensions (①, ㈱, IBM kanji).
 */
export function decodeCsvBytes(bytes: Uint8Array): DecodedText {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (b0 === 0xff && b1 === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (b0 === 0xfe && b1 === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const utf16 = utf16ByNuls(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16 };
  const utf8 = validUtf8(bytes);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };
  return { text: new TextDecoder('shift_jis').decode(bytes), encoding: 'shift_jis' };
}
