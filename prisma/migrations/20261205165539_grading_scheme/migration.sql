-- CreateEnum
CREATE TYPE "GradingScheme" AS ENUM ('PERCENT', 'LETTERS');

-- AlterTable
ALTER TABLE "Class" ADD COLUMN     "gradingScheme" "GradingScheme" NOT NULL DEFAULT 'PERCENT';
