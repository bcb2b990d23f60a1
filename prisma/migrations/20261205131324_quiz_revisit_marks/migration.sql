-- AlterTable
ALTER TABLE "QuizAttempt" ADD COLUMN     "revisitQuestionVersionIds" UUID[] DEFAULT ARRAY[]::UUID[];
