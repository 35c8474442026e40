/**
 * SPEC §11 "Legal provisions (public law; quote exactly)": the three provisions of
 * the 义务教育法 every notice quotes, byte for byte as SPEC §11 gives them
 * (tests/report/notices.test.ts compares them with docs/SPEC.md).
 */
export const LEGAL_PROVISIONS: readonly string[] = [
  '《中华人民共和国义务教育法》第五条第二款：适龄儿童、少年的父母或者其他法定监护人应当依法保证其按时入学接受并完成义务教育。',
  '第十一条第一款：凡年满六周岁的儿童，其父母或者其他法定监护人应当送其入学接受并完成义务教育；条件不具备的地区的儿童，可以推迟到七周岁。',
  '第五十八条：适龄儿童、少年的父母或者其他法定监护人无正当理由未依照本法规定送适龄儿童、少年入学接受义务教育的，由当地乡镇人民政府或者县级人民政府教育行政部门给予批评教育，责令限期改正。',
];
