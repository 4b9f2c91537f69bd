/**
 * Aging buckets as typed ("30, 60, 90"): whole day counts, strictly
 * increasing, at most ten; else what is wrong. Checked before any request.
 */
export function parseBuckets(text: string): { value: string; error?: undefined } | { value?: undefined; error: string } {
  const parts = text.split(",").map((p) => p.trim())
  if (!text.trim() || parts.some((p) => !/^\d+$/.test(p))) {
    return { error: "Enter day counts separated by commas, e.g. 30, 60, 90" }
  }
  const days = parts.map(Number)
  if (days.some((d) => d < 1 || d > 3650)) {
    return { error: "Each bucket is 1 to 3650 days" }
  }
  if (days.some((d, i) => i > 0 && d <= days[i - 1])) {
    return { error: "Each bucket must be longer than the one before" }
  }
  if (days.length > 10) {
    return { error: "At most 10 buckets" }
  }
  return { value: days.join(",") }
}

