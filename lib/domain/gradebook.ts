// Gradebook cells and averages: what a student's status and score are on each assigned item.
import { plural } from "../plural";
import { assignmentStatus, begunNotSubmitted, handedInLate, statusForStudent, type AssignmentWindow, type LatePolicy } from "./schedule";
import { daysLate, penalisedScore, penaltyUnder, type LateDeduction, type LatePenalty } from "./late-penalty";
import { exactPercent, percent } from "./scoring";
import { chooseDrops, type DropItem, type DropRule } from "./drop-lowest";

// "missing": past the due time and not submitted (it may still be accepted late, depending on the policy).
// "withdrawn": the item left the course before the student handed it in; it cannot be done, so it is never missing.
// "excused" and "scored by instructor": the instructor's word on the cell (see adjustedCell).
// "anonymous": a debate graded anonymously, in an instructor's view until its grades are posted (decision 24).
export type CellStatus = "not started" | "in progress" | "missing" | "submitted" | "late" | "withdrawn" | "excused" | "scored by instructor" | "anonymous";

/**
 * `percent`: the score as shown, a whole percent rounded down; `exact`: the same to two decimals, for exports.
 * `attemptId`: the attempt the score comes from (for a score set by hand, `scoredByHand`, the attempt it replaces).
 * `comment`: the instructor's note to the student on this item, if any.
 * `questionsSetByHand`: the counted attempt's questions given points by hand (decision 25), which its score adds; gone
 * once a score set by hand on the whole item replaces the attempt's.
 * `dropped`: the class drops the student's lowest scores (decision 26) and this one leaves "both" averages, only the
 * "average" of scored work, or only the average "withMissing" work as 0 (a missing item, or a score that drops only
 * when the missing zeros are not lower).
 * `late`: the late penalty taken off the score (withLatePenalty), in figures: days late, points of percent deducted and
 * the work's own score; gone once a score set by hand replaces it.
 */
export type GradebookCell = { status: CellStatus; percent: number | null; exact?: number | null; attemptId?: string | null; detail?: string; comment?: string; scoredByHand?: boolean; questionsSetByHand?: number; dropped?: DroppedFrom; late?: LateDeduction };

export type DroppedFrom = "both" | "average" | "withMissing";

/** The class's drop rule with the items it applies to (in the gradebook's order), for the averages. */
export type Dropping = { rule: DropRule; items: DropItem[] };

export type GradeAdjustment = { excused: boolean; percent: number | null; comment: string };

/** The longest comment an adjustment takes (the form and the server share it). */
export const ADJUSTMENT_COMMENT_MAX = 1000;

/**
 * A cell with the instructor's adjustment applied. Excused work leaves both averages and is never missing. A score
 * set by hand stands in place of the computed one, which the detail keeps, so the change stays visible; work the
 * student handed in keeps its "submitted" or "late", anything else reads "scored by instructor".
 */
export function adjustedCell(cell: GradebookCell, adjustment: GradeAdjustment | undefined): GradebookCell {
  if (!adjustment) return cell;
  const comment = adjustment.comment || undefined;
  const computed = cell.percent === null ? undefined : `computed ${cell.percent}%`;
  // Excused work counts no attempt, so none is linked as counted.
  if (adjustment.excused) return { status: "excused", percent: null, exact: null, detail: computed, comment };
  if (adjustment.percent === null) return { ...cell, comment };
  const handedIn = cell.status === "submitted" || cell.status === "late";
  // Shown rounded down to a whole percent, as every score is; a fraction typed by hand is named in full beside it.
  const shown = Math.floor(adjustment.percent + 1e-9);
  const set = shown === adjustment.percent ? "score set by instructor" : `score set by instructor: ${adjustment.percent}%`;
  return {
    status: handedIn ? cell.status : "scored by instructor",
    percent: shown,
    exact: adjustment.percent,
    attemptId: cell.attemptId,
    scoredByHand: true,
    detail: handedIn ? `${set}; ${computed ?? "not graded yet"}` : [shown === adjustment.percent ? null : set, `was ${cell.status}`, computed].filter(Boolean).join(", "),
    comment,
  };
}

/**
 * A scored cell of work handed in at `handedInAt`, with the assignment's late penalty taken off (lib/domain/late-penalty.ts):
 * `percent`, `exact` and so the averages are the penalised score; the detail says how late, what came off and what
 * the work itself scored. The instructor's adjustment (adjustedCell) comes after, so a score set by hand replaces it.
 */
export function withLatePenalty(cell: GradebookCell, handedInAt: Date | null, window: AssignmentWindow, penalty: LatePenalty | null | undefined): GradebookCell {
  const applying = penaltyUnder(window.latePolicy, penalty);
  if (!applying || !handedInAt || cell.percent === null) return cell;
  const days = daysLate(window.dueAt, handedInAt);
  if (days === 0) return cell;
  const work = exactOf(cell)!;
  const penalised = penalisedScore(work, days, applying);
  const deducted = Math.round((work - penalised) * 100) / 100;
  const late = deducted > 0
    ? `late ${plural(days, "day")}: −${deducted}% (work scored ${cell.percent}%)`
    : `late ${plural(days, "day")}: no deduction (work scored ${cell.percent}%, not above the ${applying.floorPercent}% floor)`;
  return { ...cell, percent: Math.floor(penalised + 1e-9), exact: penalised, detail: cell.detail ? `${cell.detail}; ${late}` : late, late: { days, deducted, workPercent: cell.percent } };
}

/**
 * `window`: the assignment as it applies to this student in this class (with their extension); it decides "late" and
 * "missing". `penalty`: the assignment's late penalty, taken off by the counted attempt's hand-in time.
 * `questionsSetByHand`: how many of the counted attempt's questions carry points set by hand (decision 25), which its
 * score adds; the cell keeps the number, for the gradebook and its CSV to say so.
 */
export function quizCell(input: { counted: { id: string; scoreCenti: number; maxScoreCenti: number; submittedAt: Date; questionsSetByHand?: number } | null; inProgress: boolean; window: AssignmentWindow; now: Date; penalty?: LatePenalty | null }): GradebookCell {
  if (input.counted) {
    const { scoreCenti, maxScoreCenti, submittedAt, questionsSetByHand = 0 } = input.counted;
    const cell: GradebookCell = {
      status: handedInLate(input.window, submittedAt) ? "late" : "submitted", percent: percent(scoreCenti, maxScoreCenti), exact: exactPercent(scoreCenti, maxScoreCenti), attemptId: input.counted.id,
      ...(questionsSetByHand > 0 ? { questionsSetByHand } : {}),
    };
    return withLatePenalty(cell, submittedAt, input.window, input.penalty);
  }
  if (input.now > input.window.dueAt) return { status: "missing", percent: null, detail: input.inProgress ? begunNotSubmitted.QUIZ : undefined };
  return { status: input.inProgress ? "in progress" : "not started", percent: null };
}

/**
 * A cell's status as the student reads it in their own grades: work past its due time and not handed in is "overdue"
 * while late work is still taken and "closed" once it is not (refused, or the class archived), the words of their
 * home page's list (assignedStatusText), where the instructor's gradebook says "missing" for both.
 */
export function cellStatusForStudent(status: CellStatus, latePolicy: LatePolicy, archived: boolean): string {
  if (status !== "missing") return status;
  return archived ? "closed" : statusForStudent("overdue", latePolicy);
}

/** The marker of a quiz score that adds points set by hand on some of its questions, for the gradebook and its CSV. */
export function questionPointsInWords(questions: number | undefined): string | null {
  return questions ? `includes points set by hand on ${plural(questions, "question")}` : null;
}

type Points = { totalPoints: number; maxPoints: number };

/**
 * `grade`: the grade of the version handed in. `earlierGrade`: the grade of a version the instructor returned for
 * revision; as in Moodle (revert to draft) and Canvas (resubmission), it counts until the new version is graded.
 * `penalty`: the late penalty, taken off by the hand-in time of the version whose grade counts (`earlierSubmittedAt`
 * for the earlier version's).
 */
export function debateCell(input: { status: "DRAFT" | "SUBMITTED" | null; submittedAt: Date | null; grade: Points | null; earlierGrade?: Points | null; earlierSubmittedAt?: Date | null; window: AssignmentWindow; now: Date; penalty?: LatePenalty | null }): GradebookCell {
  const cell = handInCell(input);
  const earlier = !input.grade && input.earlierGrade && input.earlierGrade.maxPoints > 0 ? input.earlierGrade : null;
  if (!earlier) return withLatePenalty(cell, input.submittedAt, input.window, input.penalty);
  return withLatePenalty({
    ...cell,
    percent: percent(earlier.totalPoints * 100, earlier.maxPoints * 100),
    exact: exactPercent(earlier.totalPoints * 100, earlier.maxPoints * 100),
    detail: `${input.status === "SUBMITTED" ? "revised" : "returned for revision"}: the earlier version's grade until graded again`,
  }, input.earlierSubmittedAt ?? null, input.window, input.penalty);
}

function handInCell(input: { status: "DRAFT" | "SUBMITTED" | null; submittedAt: Date | null; grade: Points | null; window: AssignmentWindow; now: Date }): GradebookCell {
  if (input.status === "SUBMITTED") {
    const graded = input.grade && input.grade.maxPoints > 0 ? input.grade : null;
    return {
      status: input.submittedAt && handedInLate(input.window, input.submittedAt) ? "late" : "submitted",
      percent: graded ? percent(graded.totalPoints * 100, graded.maxPoints * 100) : null,
      exact: graded ? exactPercent(graded.totalPoints * 100, graded.maxPoints * 100) : null,
      detail: input.grade ? undefined : "not graded yet",
    };
  }
  if (input.now > input.window.dueAt) return { status: "missing", percent: null, detail: input.status === "DRAFT" ? begunNotSubmitted.DEBATE : undefined };
  return { status: input.status === "DRAFT" ? "in progress" : "not started", percent: null };
}

/**
 * The lessons a module assignment asks for: those in the module when it was assigned or added by its due time (the
 * student's own), and by now. A lesson added after the due time is not owed, so finished work does not turn into
 * missing work when the module grows.
 */
export function owedLessons<T extends { addedAt: Date }>(lessons: T[], assignedAt: Date, window: AssignmentWindow, now: Date): T[] {
  const cutoff = Math.min(Math.max(window.dueAt.getTime(), assignedAt.getTime()), now.getTime());
  return lessons.filter((lesson) => lesson.addedAt.getTime() <= cutoff);
}

/** The lesson completions that count for a module assignment: where it refuses late work, only those by the due time. */
export function countedCompletions(completedAt: Date[], window: AssignmentWindow): Date[] {
  return window.latePolicy === "REFUSE" ? completedAt.filter((at) => at <= window.dueAt) : completedAt;
}

/**
 * A module's score is the share of its lessons completed, and it counts once it is final: every lesson done, or
 * the due time (the student's own, with an extension) passed. Before that the cell shows progress but no percent,
 * like a quiz not yet submitted, so unfinished work not yet due stays out of both averages. When the assignment
 * refuses late work, a lesson completed after the due time does not count, as a late quiz could not be started.
 * `penalty`: the late penalty, taken off by the last counted lesson completion.
 */
export function moduleCell(input: { completedAt: Date[]; totalLessons: number; window: AssignmentWindow; now: Date; penalty?: LatePenalty | null }): GradebookCell {
  const { totalLessons: total, window } = input;
  if (total === 0) return { status: "not started", percent: null, detail: "no lessons" };
  const counted = countedCompletions(input.completedAt, window);
  const done = counted.length;
  if (done >= total) {
    const lastCompletedAt = new Date(Math.max(...counted.map((at) => at.getTime())));
    const status = assignmentStatus(window, input.now, { at: lastCompletedAt });
    return withLatePenalty({ status: status === "late" ? "late" : "submitted", percent: 100, exact: 100 }, lastCompletedAt, window, input.penalty);
  }
  // Past due, lessons done are a partial score; none done is missing work, scored like an unsubmitted quiz.
  // The detail says it is lessons that count: a student who took the module's quiz and debate has not started it.
  const lessons = `${done} of ${plural(total, "lesson")} read`;
  if (input.now > input.window.dueAt) {
    const lastCompletedAt = done === 0 ? null : new Date(Math.max(...counted.map((at) => at.getTime())));
    return withLatePenalty({ status: "missing", percent: done === 0 ? null : percent(done, total), exact: done === 0 ? null : exactPercent(done, total), detail: lessons }, lastCompletedAt, window, input.penalty);
  }
  return { status: done === 0 ? "not started" : "in progress", percent: null, detail: lessons };
}

/** A cell of an item withdrawn from the course: work handed in keeps its score; anything else is out of reach. */
export function asWithdrawn(cell: GradebookCell): GradebookCell {
  return cell.status === "submitted" || cell.status === "late" ? cell : { status: "withdrawn", percent: null, detail: "withdrawn from the course" };
}

/** Missing work from a student who joined the class after it was due says so: the instructor may give them their own due time. */
export function notingLateJoin(cell: GradebookCell, joinedAt: Date, window: AssignmentWindow): GradebookCell {
  if (cell.status !== "missing" || joinedAt <= window.dueAt) return cell;
  return { ...cell, detail: cell.detail ? `${cell.detail}; joined after it was due` : "joined after it was due" };
}

/**
 * Rounded down to `decimals` places, as every score is, so an average never reads as full marks or a pass it missed.
 * The small allowance keeps a sum that floating point leaves a hair under a whole value (e.g. 99.75 as 99.7499…) at it.
 * Infinite decimals leave the value as it is, for a figure that is averaged again before it is shown.
 */
function roundedDown(value: number, decimals: number): number {
  if (decimals === Infinity) return value;
  const scale = 10 ** decimals;
  return Math.floor(value * scale + 1e-9) / scale;
}

/** Mean of the scored cells, rounded down (to `decimals` places); null when nobody has a score yet. */
export function average(percents: (number | null)[], decimals = 0): number | null {
  const scored = percents.filter((p): p is number => p !== null);
  return scored.length === 0 ? null : roundedDown(scored.reduce((a, b) => a + b, 0) / scored.length, decimals);
}

/**
 * A student's average: each scored cell counts by its assignment's weight (relative, as Moodle's weights are:
 * weights 1 and 3 make the second count three times the first); a weight of 0 leaves an item out. Null when no
 * weighted item has a score yet.
 */
export function weightedAverage(percents: (number | null)[], weights: number[], decimals = 0): number | null {
  let total = 0;
  let weightSum = 0;
  percents.forEach((p, i) => {
    if (p === null || weights[i] <= 0) return;
    total += p * weights[i];
    weightSum += weights[i];
  });
  return weightSum === 0 ? null : roundedDown(total / weightSum, decimals);
}

/**
 * The grade so far if missing work counts as zero (Canvas's "missing submission" view): scored cells, plus
 * 0 for each item past its due time without a score; work not yet due and ungraded submissions do not count.
 */
export function averageWithMissingAsZero(cells: Pick<GradebookCell, "status" | "percent" | "exact">[]): number | null {
  return average(missingAsZero(cells, exactOf));
}

/**
 * How each weight reads beside its item: "practice" for 0, its share of the average (in percent, when every item
 * is scored) where the weights differ, and nothing where all count alike.
 */
export function weightLabels(weights: number[]): (string | null)[] {
  const alike = weights.every((w) => w === weights[0]);
  const shares = wholePercentShares(weights);
  return weights.map((w, i) => (w === 0 ? "practice, not in the average" : alike ? null : `weight ${w} (${shares[i]}% of the average)`));
}

/**
 * Each weight's share in whole percent, adding up to 100: rounded down, then the points left over go to the largest
 * remainders (the earlier item on a tie). Rounding each alone made 1, 1, 1, 3 read 17 + 17 + 17 + 50 = 101 %.
 */
export function wholePercentShares(weights: number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  if (total <= 0) return weights.map(() => 0);
  const shares = weights.map((w) => Math.floor((w * 100) / total));
  const leftOver = 100 - shares.reduce((a, b) => a + b, 0);
  const byRemainder = weights.map((w, i) => ({ i, remainder: (w * 100) % total })).sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (const { i } of byRemainder.slice(0, leftOver)) shares[i] += 1;
  return shares;
}

/**
 * A student's two averages by the assignments' weights: of their scores, and with missing work as zero. With a drop
 * rule (`dropping`), each average leaves out the items chosen for it (chooseDrops): those of scored work, `dropped`,
 * and those with missing work as 0, `droppedWithMissing`, where a missing item's 0 is a score that may drop (as Canvas's
 * final grade drops it), so the two sets may differ.
 */
export function studentAverages<C extends Pick<GradebookCell, "status" | "percent">>(cells: C[], weights: number[], valueOf: (cell: C) => number | null | undefined = (c) => c.percent, decimals = 0, dropping?: Dropping) {
  const { dropped, droppedWithMissing } = averageDrops(cells, valueOf, dropping);
  const without = (values: (number | null)[], out: number[]) => values.map((v, i) => (out.includes(i) ? null : v));
  return {
    average: weightedAverage(without(cells.map((c) => valueOf(c) ?? null), dropped), weights, decimals),
    withMissing: weightedAverage(without(missingAsZero(cells, valueOf), droppedWithMissing), weights, decimals),
  };
}

/** The items each of the two averages drops under the class's rule (none without one), by their positions. */
export function averageDrops<C extends Pick<GradebookCell, "status" | "percent">>(cells: C[], valueOf: (cell: C) => number | null | undefined, dropping: Dropping | undefined) {
  if (!dropping) return { dropped: [], droppedWithMissing: [] };
  return {
    dropped: chooseDrops(cells.map((c) => valueOf(c) ?? null), dropping.items, dropping.rule),
    droppedWithMissing: chooseDrops(missingAsZero(cells, valueOf), dropping.items, dropping.rule),
  };
}

/** The cells with the averages' drops marked on them (decision 26). */
export function markDropped<C extends GradebookCell>(cells: C[], drops: { dropped: number[]; droppedWithMissing: number[] }): C[] {
  return cells.map((cell, i) => {
    const fromAverage = drops.dropped.includes(i);
    const fromWithMissing = drops.droppedWithMissing.includes(i);
    if (!fromAverage && !fromWithMissing) return cell;
    return { ...cell, dropped: fromAverage && fromWithMissing ? "both" : fromAverage ? "average" : "withMissing" };
  });
}

/** A dropped cell's marker in words, for the gradebook, its CSV and the student's grades. */
export function droppedInWords(dropped: DroppedFrom | undefined): string | null {
  if (!dropped) return null;
  if (dropped === "both") return "dropped";
  return dropped === "average" ? "dropped from the average (counts with missing as 0)" : "dropped with missing as 0";
}

/** The class's averages of its students' averages, rounded down once: each student's as it is, not as rounded for their row. */
export function classAverages<C extends Pick<GradebookCell, "status" | "percent">>(cellsByStudent: C[][], weights: number[], valueOf: (cell: C) => number | null | undefined, dropping?: Dropping) {
  const each = cellsByStudent.map((cells) => studentAverages(cells, weights, valueOf, Infinity, dropping));
  return { average: average(each.map((a) => a.average)), withMissing: average(each.map((a) => a.withMissing)) };
}

/** Each cell's score (as `valueOf` reads it), and 0 for work past its due time without one. */
export function missingAsZero<C extends Pick<GradebookCell, "status" | "percent">>(cells: C[], valueOf: (cell: C) => number | null | undefined): (number | null)[] {
  return cells.map((c) => (c.percent === null && c.status === "missing" ? 0 : (valueOf(c) ?? null)));
}

/** The cell's score to two decimals, for exports (the shown percent where no finer one exists). */
export const exactOf = (cell: Pick<GradebookCell, "percent" | "exact">): number | null => (cell.exact === undefined ? cell.percent : cell.exact);

// Names compare as people read them: accents and case aside ("Émile" after "Bob", "ada" before "Bob").
const names = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });
export const compareNames = (a: string, b: string) => names.compare(a, b);

// Searching, likewise: "emile" finds "Émile Zola", and "zola@" his address.
const folded = (text: string) => text.normalize("NFD").replace(/\p{Mn}/gu, "").toLocaleLowerCase();

/** Whether a student's name or email contains every word typed (an empty search matches everyone). */
export function studentMatches(student: { name: string; email: string }, search: string): boolean {
  const haystack = folded(`${student.name} ${student.email}`);
  return folded(search).split(/\s+/).filter(Boolean).every((word) => haystack.includes(word));
}

/**
 * A gradebook column's order: by name, or by a score with blanks ("—": not due, missing, ungraded) last in both
 * directions, and equal scores by name.
 */
export function sortRows<R extends { student: { name: string } }>(rows: R[], scoreOf: ((row: R) => number | null) | null, descending: boolean): R[] {
  return [...rows].sort((a, b) => {
    if (scoreOf) {
      const [x, y] = [scoreOf(a), scoreOf(b)];
      if (x === null || y === null) {
        if (x !== y) return x === null ? 1 : -1;
      } else if (x !== y) {
        return descending ? y - x : x - y;
      }
      return compareNames(a.student.name, b.student.name);
    }
    const order = compareNames(a.student.name, b.student.name);
    return descending ? -order : order;
  });
}

/**
 * Canvas's "what-if" grades: a student's two averages if the items given a percent here had it, the others as they
 * are. Nothing is stored or sent: the student tries scores out on their grades page. The class's drops are chosen
 * again for the scores imagined (`dropping`), as Canvas does, so a good score typed may bring another one back.
 */
export function whatIfAverages(cells: Pick<GradebookCell, "status" | "percent" | "exact">[], weights: number[], whatIf: (number | null)[], dropping?: Dropping) {
  return studentAverages(whatIfCells(cells, whatIf), weights, exactOf, 0, dropping);
}

/** The items the what-if scores would drop from each average (decision 26), for the calculator to name them. */
export function whatIfDrops(cells: Pick<GradebookCell, "status" | "percent" | "exact">[], whatIf: (number | null)[], dropping: Dropping | undefined) {
  return averageDrops(whatIfCells(cells, whatIf), exactOf, dropping);
}

/** The cells as the what-if scores typed would make them. */
function whatIfCells(cells: Pick<GradebookCell, "status" | "percent" | "exact">[], whatIf: (number | null)[]) {
  return cells.map((cell, i) => {
    const score = whatIf[i];
    return score === null || score === undefined ? cell : { status: "submitted" as const, percent: score, exact: score };
  });
}

/** A grade the student cannot see yet (posted by hand, decision 23) says so to the instructor, as Canvas marks a hidden grade. */
export function notingUnposted(cell: GradebookCell, unposted: boolean): GradebookCell {
  if (!unposted) return cell;
  return { ...cell, detail: cell.detail ? `${cell.detail}; not posted yet` : "not posted yet" };
}
