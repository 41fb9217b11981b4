/** ISO 8601 duration PT#H#M#S, to hundredths of a second (SCORM 2004 and xAPI). */
export function isoDuration(ms: number): string {
  const cs = Math.max(0, Math.round(ms / 10));
  const h = Math.floor(cs / 360000);
  const m = Math.floor(cs / 6000) % 60;
  const s = (cs % 6000) / 100;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s.toFixed(2).replace(/\.?0+$/, '') || '0'}S`;
}
