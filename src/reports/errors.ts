// A report asked for with options it cannot be built from (a date that does not start a period, no
// figures stored yet). Callers show the message to the person who asked; any other error is a fault.
export class ReportInputError extends Error {}
