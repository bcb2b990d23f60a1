-- AlterTable
ALTER TABLE "QuizAttempt" ADD COLUMN     "closedByClock" BOOLEAN NOT NULL DEFAULT false;

-- Before this column, an attempt graded at its deadline had its deadline as its submission time.
UPDATE "QuizAttempt" SET "closedByClock" = true WHERE "status" = 'SUBMITTED' AND "submittedAt" = "deadlineAt";
