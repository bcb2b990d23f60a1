-- AlterTable
ALTER TABLE "QuizAttempt" ADD COLUMN     "timeLimitMinutes" INTEGER;

-- Attempts begun before this column: the quiz limit as it stands now is the best record there is.
UPDATE "QuizAttempt" a SET "timeLimitMinutes" = q."timeLimitMinutes" FROM "Quiz" q WHERE q."id" = a."quizId";
