-- AlterTable
ALTER TABLE "ReviewCard" ADD COLUMN     "retiredAt" TIMESTAMP(3);
