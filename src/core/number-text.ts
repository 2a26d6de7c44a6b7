// How a plain number reads wherever it is shown (pages, papers, published counts): thousands
// separated ("2,436"), at most one decimal place (FTE sums such as 10.799999999999999 read 10.8).
// Pure, so the suppression rules in core and the formatters of pages and papers share one rule.

/** 2436 as "2,436", 10.799999999999999 as "10.8", 12 as "12". */
export function numberText(value: number): string {
  const rounded = Number.isInteger(value) ? value : Math.round(value * 10) / 10;
  return rounded.toLocaleString('en-GB');
}
