-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN     "accessCode" TEXT;
