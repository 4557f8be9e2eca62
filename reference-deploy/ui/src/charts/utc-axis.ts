/**
 * Time-axis labels in 24-hour UTC (`14:00`, with the date `12-02` under the first tick of each
 * day): uPlot's defaults are 12-hour US dates in the browser's zone, while every time the API
 * returns, and every log an analyst compares it with, is UTC.
 */
import type uPlot from 'uplot';

/** uPlot `values` callback for an x axis of epoch seconds. */
export function utcTicks(_u: uPlot, splits: number[]): string[] {
  let lastDay = '';
  return splits.map((s) => {
    const iso = new Date(s * 1000).toISOString();
    const day = iso.slice(5, 10);
    const time = iso.slice(11, 16);
    const label = day !== lastDay ? `${time}\n${day}` : time;
    lastDay = day;
    return label;
  });
}
