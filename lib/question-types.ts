// How each question type is named to people.
export const questionTypeLabel: Record<string, string> = { single: "single choice", multiple: "multiple choice", truefalse: "true/false", short: "short answer", numeric: "numeric", ordering: "ordering", matching: "matching" };
