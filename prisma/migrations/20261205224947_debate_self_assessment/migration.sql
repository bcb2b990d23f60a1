-- CreateTable
CREATE TABLE "DebateSelfAssessment" (
    "responseId" UUID NOT NULL,
    "scores" JSONB NOT NULL,
    "rubric" JSONB NOT NULL,
    "totalPoints" INTEGER NOT NULL,
    "maxPoints" INTEGER NOT NULL,
    "forSubmittedAt" TIMESTAMP(3) NOT NULL,
    "assessedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DebateSelfAssessment_pkey" PRIMARY KEY ("responseId")
);

-- AddForeignKey
ALTER TABLE "DebateSelfAssessment" ADD CONSTRAINT "DebateSelfAssessment_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "DebateResponse"("id") ON DELETE CASCADE ON UPDATE CASCADE;
