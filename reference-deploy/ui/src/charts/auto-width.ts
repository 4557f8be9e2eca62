/** Keep a uPlot chart as wide as its container (it draws on a canvas of fixed pixel size). */
import type uPlot from 'uplot';

/** Resize `chart` whenever `box` changes width; stops when the box leaves the page. */
export function autoWidth(box: HTMLElement, chart: uPlot): void {
  const ro = new ResizeObserver(() => {
    if (!box.isConnected) {
      ro.disconnect();
      chart.destroy();
      return;
    }
    const w = Math.floor(box.clientWidth);
    if (w > 0 && Math.abs(w - chart.width) > 2) chart.setSize({ width: w, height: chart.height });
  });
  ro.observe(box);
}
