import { html, svg } from 'lit';
import type { SVGTemplateResult, TemplateResult } from 'lit';

/** One month of the chart: what was used and what was paid in it. */
export interface ChartMonth {
  /** The axis label: the month's short name. */
  label: string;
  /** Under the label, the year, at the first month and at each January; else `undefined`. */
  year: string | undefined;
  /** m³. */
  consumption: number;
  /** Kopecks. */
  paid: number;
}

export interface ChartOptions {
  months: readonly ChartMonth[];
  /** The id of the chart's name (its visible caption). */
  labelledBy: string;
  /** The id of the table that is the chart's text alternative. */
  describedBy: string;
  /** Tick labels of the two scales. */
  formatConsumption: (value: number) => string;
  formatRubles: (rubles: number) => string;
  /** The units written over the two scales. */
  unitConsumption: string;
  unitPayments: string;
}

/** The drawing's own coordinates; the `<svg>` scales to its container's width (viewBox). */
const WIDTH = 720;
const HEIGHT = 280;
const LEFT = 52;
const RIGHT = 84;
const TOP = 28;
const BOTTOM = 44;
const PLOT_WIDTH = WIDTH - LEFT - RIGHT;
const PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;
/** Gridlines divide each scale into this many steps. */
const STEPS = 4;
/** The share of a month's slot its bar takes. */
const BAR_SHARE = 0.6;

/** Coordinates rounded to hundredths: exact enough to draw, short enough to read in the markup. */
const round = (value: number) => Math.round(value * 100) / 100;

/** Round step sizes, times a power of ten. */
const NICE_STEPS = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];

/**
 * The top of a scale for data up to `max`: `STEPS` round steps (one of
 * {@link NICE_STEPS} times a power of ten), never less than `minStep` each, so the gridlines
 * fall on numbers a person reads at a glance. Zero data gets a scale of
 * `minStep`s with every bar at zero height.
 */
export function scaleTop(max: number, minStep: number): number {
  const raw = Math.max(max / STEPS, minStep);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const factor = NICE_STEPS.find((nice) => raw <= nice * magnitude * (1 + 1e-9)) ?? 10;
  return Math.max(factor * magnitude, minStep) * STEPS;
}

/**
 * Consumption (bars, left scale, m³) and payments (a line with round
 * markers, right scale, ₽) month by month. Two different shapes, named by
 * the legend beside the chart, so no meaning rests on colour alone. The
 * image is one `role="img"` named by the caption and described by the
 * table, which holds every figure as text. Shapes carry classes, not parts:
 * the elements' `[part] { all: revert }` would also revert SVG's geometry
 * (`x`, `height`, `fill` attributes are presentation hints, i.e. CSS).
 */
export function historyChart(options: ChartOptions): TemplateResult {
  const { months } = options;
  const consumptionTop = scaleTop(Math.max(0, ...months.map((month) => month.consumption)), 1);
  const rublesTop = scaleTop(Math.max(0, ...months.map((month) => month.paid)) / 100, 100);
  const slot = PLOT_WIDTH / Math.max(1, months.length);
  const barWidth = round(slot * BAR_SHARE);
  const centre = (index: number) => LEFT + slot * index + slot / 2;
  const yOf = (value: number, top: number) => round(TOP + PLOT_HEIGHT - (value / top) * PLOT_HEIGHT);
  const points = months.map((month, index) => `${round(centre(index))},${yOf(month.paid / 100, rublesTop)}`).join(' ');
  const steps = Array.from({ length: STEPS + 1 }, (_, step) => step);

  return html`<svg
    part="chart-image"
    role="img"
    viewBox="0 0 ${WIDTH} ${HEIGHT}"
    preserveAspectRatio="xMidYMid meet"
    aria-labelledby=${options.labelledBy}
    aria-describedby=${options.describedBy}
    focusable="false"
  >
    ${steps.map((step) => gridline(step, consumptionTop, rublesTop, options))}
    <text class="lk-chart-unit" x=${LEFT - 8} y=${TOP - 12} text-anchor="end">${options.unitConsumption}</text>
    <text class="lk-chart-unit" x=${WIDTH - RIGHT + 8} y=${TOP - 12} text-anchor="start">${options.unitPayments}</text>
    ${months.map((month, index) => {
      const height = round((month.consumption / consumptionTop) * PLOT_HEIGHT);
      return svg`<rect
          class="lk-chart-bar"
          x=${round(centre(index) - barWidth / 2)}
          y=${round(TOP + PLOT_HEIGHT - height)}
          width=${barWidth}
          height=${height}
        ></rect>
        <text class="lk-chart-label" x=${round(centre(index))} y=${TOP + PLOT_HEIGHT + 18} text-anchor="middle">${month.label}</text>
        ${month.year
          ? svg`<text class="lk-chart-label lk-chart-year" x=${round(centre(index))} y=${TOP + PLOT_HEIGHT + 36} text-anchor="middle">${month.year}</text>`
          : ''}`;
    })}
    <line class="lk-chart-axis" x1=${LEFT} x2=${WIDTH - RIGHT} y1=${TOP + PLOT_HEIGHT} y2=${TOP + PLOT_HEIGHT}></line>
    <polyline class="lk-chart-line" points=${points}></polyline>
    ${months.map(
      (month, index) => svg`<circle class="lk-chart-point" cx=${round(centre(index))} cy=${yOf(month.paid / 100, rublesTop)} r="5"></circle>`,
    )}
  </svg>`;
}

/** A gridline at `step` of {@link STEPS}, with the consumption figure on the left and the rubles on the right. */
function gridline(step: number, consumptionTop: number, rublesTop: number, options: ChartOptions): SVGTemplateResult {
  const y = round(TOP + PLOT_HEIGHT - (step / STEPS) * PLOT_HEIGHT);
  return svg`<line class="lk-chart-grid" x1=${LEFT} x2=${WIDTH - RIGHT} y1=${y} y2=${y}></line>
    <text class="lk-chart-tick" x=${LEFT - 8} y=${y + 4} text-anchor="end">${options.formatConsumption((consumptionTop * step) / STEPS)}</text>
    <text class="lk-chart-tick" x=${WIDTH - RIGHT + 8} y=${y + 4} text-anchor="start">${options.formatRubles((rublesTop * step) / STEPS)}</text>`;
}

/** The legend's two marks, drawn as in the chart: a bar, and a line through a round marker. */
export const legendMark = (kind: 'consumption' | 'payments'): TemplateResult =>
  kind === 'consumption'
    ? html`<svg class="lk-chart-mark" viewBox="0 0 24 16" aria-hidden="true" focusable="false"><rect class="lk-chart-bar" x="6" y="2" width="12" height="14"></rect></svg>`
    : html`<svg class="lk-chart-mark" viewBox="0 0 24 16" aria-hidden="true" focusable="false">
        <line class="lk-chart-line" x1="0" x2="24" y1="8" y2="8"></line><circle class="lk-chart-point" cx="12" cy="8" r="5"></circle>
      </svg>`;
