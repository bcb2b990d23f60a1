// One colour per gradebook status, for the instructor's gradebook and the student's own grades.
export const gradeStatusStyle: Record<string, string> = {
  "not started": "text-stone-500",
  "in progress": "text-amber-700",
  missing: "text-red-700 font-medium",
  submitted: "text-emerald-800",
  late: "text-red-700",
  withdrawn: "text-stone-500 italic",
  excused: "text-sky-800 italic",
  "scored by instructor": "text-emerald-800",
  anonymous: "text-stone-600 italic",
};
