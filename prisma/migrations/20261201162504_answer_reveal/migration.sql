-- CreateEnum
CREATE TYPE "AnswerReveal" AS ENUM ('AFTER_SUBMIT', 'AFTER_DUE');

-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN     "revealAnswers" "AnswerReveal" NOT NULL DEFAULT 'AFTER_SUBMIT';
