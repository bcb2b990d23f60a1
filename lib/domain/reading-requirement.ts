// Reading before a quiz: a class may ask that the quiz's module's lessons be completed before an attempt starts
// (Canvas's module requirements, Moodle's access restriction on activity completion).

/** A class that would count a new attempt (the classes studentAttemptLimit takes the tightest limit of), and whether it asks for the reading first. */
export type ReadingTerms = { requiresReading: boolean };

export type ModuleLesson = { completed: boolean };

/**
 * The lessons a student must still complete before starting a new attempt: the incomplete ones of the quiz's
 * module when any class still counting a new attempt asks for the reading, else none. A class that has closed the
 * quiz to new attempts (or that the student has left) no longer decides, as it no longer decides the attempt limit.
 */
export function lessonsToReadFirst<T extends ModuleLesson>(countingClasses: ReadingTerms[], lessons: T[]): T[] {
  if (!readingRequired(countingClasses)) return [];
  return lessons.filter((lesson) => !lesson.completed);
}

/** Whether the lessons need looking up at all: none do when no counting class asks for the reading. */
export function readingRequired(countingClasses: ReadingTerms[]): boolean {
  return countingClasses.some((terms) => terms.requiresReading);
}

/** Why a start was refused, naming the lessons, as a sentence that says what to do. */
export function readingFirstReason(unread: { title: string }[]): string {
  const titles = unread.map((lesson) => `“${lesson.title}”`);
  const list = titles.length <= 1 ? titles.join("") : `${titles.slice(0, -1).join(", ")} and ${titles.at(-1)}`;
  return `Your class asks you to read this module’s lessons before starting the quiz. Still to read: ${list}. Mark each lesson complete when you have read it, then start the quiz.`;
}
