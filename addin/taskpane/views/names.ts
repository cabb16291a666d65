/**
 * Unit names shortened for narrow pane tables: "UBND phường Kim Giang" → "P. Kim Giang",
 * "UBND quận Thanh Xuân" → "Q. Thanh Xuân", "Phòng Nội vụ" stays. The full name goes in a tooltip.
 * @example shortUnitName('UBND phường Kim Giang') // "P. Kim Giang"
 */
export function shortUnitName(name: string): string {
  const m = /^UBND\s+(phường|xã|quận|huyện|thị trấn|thị xã)\s+(.+)$/iu.exec(name.trim());
  if (!m || !m[1] || !m[2]) return name;
  const kind = m[1].toLowerCase();
  const prefix = kind === 'phường' ? 'P.' : kind === 'xã' ? 'X.' : kind === 'quận' ? 'Q.' : kind === 'huyện' ? 'H.' : kind === 'thị trấn' ? 'TT.' : 'TX.';
  return `${prefix} ${m[2]}`;
}
