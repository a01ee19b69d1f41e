// Realistic family profiles for load tests: household shapes, children of all ages, indicator scores mostly
// middling with some crises and some not answered, a safe-house request in about one family in four.
const INDICATORS = ['INCOME', 'EMPLOYMENT', 'HOUSING', 'FOOD', 'DEBT', 'HEALTH', 'SAFETY', 'FAMILY_RELATIONS',
  'PARENTING', 'SUBSTANCE_USE', 'MENTAL_HEALTH', 'SOCIAL_SUPPORT', 'CHILD_EDUCATION', 'ADULT_EDUCATION',
  'COMMUNITY_PARTICIPATION'];
// Score distribution seen in assessments: crises rare, 3-4 common.
const SCORES = [1, 2, 2, 3, 3, 3, 3, 4, 4, 4, 5];

const pick = (items, random) => items[Math.floor(random() * items.length)];
const iso = (date) => date.toISOString().slice(0, 10);
const daysBefore = (date, days) => new Date(date.getTime() - days * 86_400_000);

export function family(ref, random = Math.random, assessedOn = new Date('2026-11-20T00:00:00Z')) {
  const femaleHeaded = random() < 0.35;
  const members = [{ ref: 'h', role: 'HEAD', sex: femaleHeaded ? 'FEMALE' : 'MALE',
    birthDate: iso(daysBefore(assessedOn, (22 + random() * 45) * 365.25)) }];
  if (!femaleHeaded && random() < 0.85) {
    members.push({ ref: 's', role: 'SPOUSE', sex: 'FEMALE', birthDate: iso(daysBefore(assessedOn, (20 + random() * 40) * 365.25)) });
  }
  const children = Math.floor(random() * 6);
  for (let i = 0; i < children; i++) {
    members.push({ ref: 'c' + i, role: 'CHILD', sex: random() < 0.5 ? 'FEMALE' : 'MALE',
      birthDate: iso(daysBefore(assessedOn, random() * 18 * 365.25)), inCustody: random() < 0.95 });
  }
  if (random() < 0.1) {
    members.push({ ref: 'o', role: 'OTHER', sex: random() < 0.5 ? 'FEMALE' : 'MALE',
      birthDate: iso(daysBefore(assessedOn, (60 + random() * 25) * 365.25)) });
  }
  const indicators = {};
  for (const code of INDICATORS) {
    const roll = random();
    if (roll < 0.08) continue;                       // not answered
    indicators[code] = roll < 0.12 ? null : pick(SCORES, random);   // null: not applicable
  }
  const circumstances = [];
  if (femaleHeaded) circumstances.push('FEMALE_HEADED');
  const violence = random() < 0.25;
  if (violence) circumstances.push('DOMESTIC_VIOLENCE');
  if (random() < 0.05) circumstances.push('CHILD_LABOUR');
  if (random() < 0.05) circumstances.push('LACKS_CLOTHING');
  const profile = { familyRef: ref, assessedOn: iso(assessedOn), members, indicators, circumstances };
  const mother = members.find((m) => m.sex === 'FEMALE' && (m.role === 'HEAD' || m.role === 'SPOUSE'));
  if (violence && mother) {
    profile.safeHouse = { applicantRef: mother.ref, admissionOn: iso(new Date(assessedOn.getTime() + 86_400_000)),
      requestedMonths: pick([2, 4, 4, 6, 8, 10], random), immediateDanger: random() < 0.6 };
  }
  if (random() < 0.3) {
    profile.casework = { category: pick(['POOR_FAMILY', 'ELDERLY_OR_DISABLED', 'ORPHAN_FAMILY'], random),
      monthlyPensionToman: pick([20000, 30000, 45000, 50000], random),
      lastPensionChangeOn: iso(daysBefore(assessedOn, random() * 300)),
      lastHomeVisitOn: iso(daysBefore(assessedOn, random() * 60)) };
  }
  return profile;
}
