-- AlterTable
ALTER TABLE "ClassMember" ADD COLUMN     "accommodationReason" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "accommodationSetAt" TIMESTAMP(3),
ADD COLUMN     "accommodationSetById" UUID,
ADD COLUMN     "extraTimePercent" INTEGER NOT NULL DEFAULT 0;

-- AddForeignKey
ALTER TABLE "ClassMember" ADD CONSTRAINT "ClassMember_accommodationSetById_fkey" FOREIGN KEY ("accommodationSetById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Held to what the form and the API take (zod: 0 to 300).
ALTER TABLE "ClassMember" ADD CONSTRAINT "ClassMember_extraTimePercent_check" CHECK ("extraTimePercent" BETWEEN 0 AND 300);
