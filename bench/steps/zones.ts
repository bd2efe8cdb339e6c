/** Zones whose 09:30 falls at distinct UTC times before New York's (the program zone), in January. */
export const SLICE_ZONES = [
  'Asia/Tokyo',
  'Asia/Kolkata',
  'Europe/Berlin',
  'Europe/London',
  'America/Sao_Paulo',
] as const;

/** 1% of people in each slice zone (index mod 100 picks the slice), the rest in the program's zone. */
export function sliceZoneOf(index: number): string | null {
  return SLICE_ZONES[index % 100] ?? null;
}
