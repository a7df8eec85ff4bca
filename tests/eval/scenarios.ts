import type { NeedsProfileInput } from '@norishiro/data';

/**
 * Labelled matching scenarios written from the five plans (/work/shared/seeds). Each profile
 * is a pseudonymous bundle of needs — no name, no contact, no real person.
 *
 * mustTop3: any of these ids in the top 3 is a hit.
 * mustNotTop5: each of these in the top 5 is a mistake a coordinator would notice.
 */
export interface Scenario {
  name: string;
  /** One sentence citing the plan's idea the labels follow from. */
  why: string;
  profile: NeedsProfileInput;
  mustTop3: string[];
  mustNotTop5: string[];
  /** Whether a coordinator would take this to the 構築会議 as a missing resource (absent = no). */
  gap?: boolean;
  /** Words the gap summary must use to name what is missing. */
  gapNames?: string[];
  /** What the scenario exercises, for the coverage count. */
  covers?: Coverage[];
}

export type Coverage =
  | 'carer'
  | 'household'
  | 'school-age'
  | 'no-location'
  | 'district-typed'
  | 'kana-interest'
  | 'evening-weekend'
  | 'true-gap'
  | 'near-gap';

const ATAMI = '222054';
const IZU = '222224';
const KASHIWAZAKI = '152056';
const ENA = '212105';
const HIMI = '162051';

const weekdays = (from: string, to: string) =>
  (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({ day, from, to }));

/** Child-rearing hubs that never suit an older person on their own. */
const ATAMI_CHILDCARE = [
  '222054-atami-kosodate-shien-center',
  '222054-minami-atami-kosodate-shien-center',
  '222054-oyako-fureai-salon',
];
const IZU_WORK_A = ['222224-shuro-keizoku-a-shuzenji', '222224-shuro-keizoku-a-nakaizu'];
const ENA_CHILDCARE = ['212105-kodomo-genki-plaza', '212105-kosodate-shien-center'];
const KASHIWAZAKI_CHILDCARE = [
  '152056-jungle-kids',
  '152056-kosodate-shienshitsu',
  '152056-chiiki-kosodate-shien-kyoten-koritsuen',
  '152056-chiiki-kosodate-shien-kyoten-shiritsuen',
];

export const scenarios: Scenario[] = [
  // ─── 熱海市 (000) ───
  {
    name: '熱海: 南熱海の82歳、まず相談から',
    why: '熱海市は地域包括支援センターを熱海・泉伊豆山・南熱海の3圏域に置いており、南熱海に住む高齢者の最初の窓口は南熱海地域包括支援センターである。',
    profile: { municipality: ATAMI, district: '南熱海地区', age: 82, stage: 1, wants: ['consultation'] },
    mustTop3: ['222054-minami-atami-hokatsu-shien-center'],
    mustNotTop5: [...ATAMI_CHILDCARE, '222054-ririfu-support-center-sodan'],
  },
  {
    name: '熱海: 南熱海で乳児を育てる親',
    why: '熱海市の地域子育て支援拠点事業には南熱海子育て支援センター（多賀保育園）があり、南熱海の親子に最も近い拠点である。',
    profile: {
      municipality: ATAMI,
      district: '南熱海地区',
      age: 31,
      situations: ['child_rearing'],
      stage: 1,
      wants: ['childcare_hub'],
      needs: { withChild: true },
    },
    mustTop3: ['222054-minami-atami-kosodate-shien-center'],
    mustNotTop5: ['222054-minami-atami-hokatsu-shien-center', '222054-chiiki-kaigo-yobo-katsudo-shien'],
  },
  {
    name: '熱海: 障がいのある人の日中の通い先',
    why: '熱海市の地域活動支援センター事業はサポートセンターリリぶが担い、障がいのある人が通って交流する場である。',
    profile: { municipality: ATAMI, age: 45, situations: ['disability'], stage: 2, wants: ['activity_center'] },
    mustTop3: ['222054-ririfu-support-center-sodan'],
    mustNotTop5: [...ATAMI_CHILDCARE],
  },
  {
    name: '熱海: 家計に困る50代、まず相談',
    why: '熱海市の生活困窮者の相談窓口はくらし・しごと相談センターである。',
    profile: {
      municipality: ATAMI,
      district: '熱海地区',
      age: 52,
      situations: ['poverty'],
      stage: 1,
      wants: ['consultation'],
    },
    mustTop3: ['222054-kurashi-shigoto-sodan-center'],
    mustNotTop5: [...ATAMI_CHILDCARE, '222224-seikatsu-konkyusha-jiritsu-sodan-shien-kikan'],
  },
  {
    name: '熱海: 体を動かす場を探す75歳',
    why: '熱海市は地域介護予防活動支援事業で高齢者の通いの場を支えている。',
    profile: {
      municipality: ATAMI,
      district: '泉・伊豆山地区',
      age: 75,
      stage: 2,
      wants: ['care_prevention'],
      interests: ['介護予防'],
    },
    mustTop3: ['222054-chiiki-kaigo-yobo-katsudo-shien'],
    mustNotTop5: [...ATAMI_CHILDCARE, '222054-ririfu-support-center-sodan'],
  },
  {
    name: '熱海: 家から出にくい30代、属性を問わない居場所',
    why: '熱海市は生活困窮者のための地域づくり事業で属性を問わない居場所を実施している。',
    profile: {
      municipality: ATAMI,
      district: '熱海地区',
      age: 34,
      situations: ['hikikomori'],
      stage: 1,
      wants: ['ibasho'],
    },
    mustTop3: ['222054-zokusei-towanai-ibasho'],
    mustNotTop5: [...ATAMI_CHILDCARE, '222054-chiiki-kaigo-yobo-katsudo-shien'],
  },

  {
    name: '熱海: 伊豆山の自宅から歩ける範囲の80歳',
    why: '熱海市は泉・伊豆山地区に地域包括支援センターを置いており、伊豆山の高齢者には最も近い窓口である。',
    profile: {
      municipality: ATAMI,
      home: { lat: 35.1205, lng: 139.0742 },
      maxTravelKm: 3,
      age: 80,
      stage: 1,
      wants: ['consultation'],
    },
    mustTop3: ['222054-izumi-izusan-hokatsu-shien-center'],
    mustNotTop5: [...ATAMI_CHILDCARE, '222054-sukusuku-kosodate-sedai-hokatsu-shien-center'],
  },

  // ─── 伊豆市 (001) ───
  {
    name: '伊豆: 土肥の認知症の78歳、近くの居場所',
    why: '伊豆市は居場所・認知症カフェを修善寺・土肥・天城湯ヶ島・中伊豆の地区ごとに置いている。',
    profile: {
      municipality: IZU,
      district: '土肥地区',
      age: 78,
      situations: ['dementia'],
      stage: 1,
      wants: ['ibasho'],
    },
    mustTop3: ['222224-ibasho-ninchisho-cafe-toi'],
    mustNotTop5: [...IZU_WORK_A, '222224-kosodate-shien-center-toi', '222224-shuro-keizoku-b-shuzenji'],
  },
  {
    name: '伊豆: 中伊豆の障がいのある人、役割を試す作業',
    why: '伊豆市の就労継続支援事業所は修善寺地区と中伊豆地区にA型・B型、天城湯ヶ島地区にB型がある。',
    profile: {
      municipality: IZU,
      district: '中伊豆地区',
      age: 33,
      situations: ['disability'],
      stage: 3,
      wants: ['employment_support'],
    },
    mustTop3: ['222224-shuro-keizoku-b-nakaizu', '222224-shuro-keizoku-a-nakaizu'],
    mustNotTop5: ['222224-hiyoko-club-kosodate-shien-center', '222224-ibasho-ninchisho-cafe-nakaizu'],
  },
  {
    name: '伊豆: 障がいのある人が家から出る最初の一歩',
    why: '段階的な社会参加では、まだ家から出られない人にA型事業所（働く段階）を勧めるのは早すぎ、通いの場や相談から始める。',
    profile: { municipality: IZU, district: '修善寺地区', age: 27, situations: ['disability'], stage: 1 },
    mustTop3: [
      '222224-tagata-yume-work-chiiki-katsudo-shien-center',
      '222224-yume-work-support-center',
      '222224-miraizu-support-center',
      '222224-kororo-sodan-shien-jigyosho',
      '222224-nakaizu-riha-shogaisha-seikatsu-shien-center',
    ],
    mustNotTop5: [...IZU_WORK_A],
  },
  {
    name: '伊豆: 修善寺の72歳、ロコトレを続けたい',
    why: '伊豆市はロコトレ教室と住民主体のロコトレOB会を地区ごとに行っている。',
    profile: {
      municipality: IZU,
      district: '修善寺地区',
      age: 72,
      stage: 2,
      wants: ['care_prevention', 'salon'],
      interests: ['ロコトレ'],
    },
    mustTop3: ['222224-locotre-ob-kai-shuzenji', '222224-locotre-kyoshitsu-shuzenji'],
    mustNotTop5: ['222224-locotre-ob-kai-toi', '222224-locotre-kyoshitsu-toi', '222224-kosodate-oshaberi-salon'],
  },
  {
    name: '伊豆: 天城湯ヶ島の子育て中の親子',
    why: '伊豆市は子育て支援センターを地区ごとに置いている。',
    profile: {
      municipality: IZU,
      district: '天城湯ヶ島地区',
      age: 29,
      situations: ['child_rearing'],
      stage: 1,
      wants: ['childcare_hub'],
      needs: { withChild: true },
    },
    mustTop3: ['222224-inaiinaibaa-kosodate-shien-center'],
    mustNotTop5: ['222224-ibasho-ninchisho-cafe-amagi-yugashima', '222224-locotre-kyoshitsu-amagi-yugashima'],
  },
  {
    name: '伊豆: 生活に困る40代、働く段階',
    why: '伊豆市の計画は生活困窮者就労支援員を連携の相手（役割）として挙げるだけで、働く段階の生活困窮者が通える就労支援の場は挙げていない。相談先は生活困窮者自立相談支援機関で、足りない資源として構築会議に挙げる。',
    profile: { municipality: IZU, age: 44, situations: ['poverty'], stage: 4, wants: ['employment_support'] },
    mustTop3: ['222224-seikatsu-konkyusha-jiritsu-sodan-shien-kikan'],
    mustNotTop5: ['222224-nobinobi-hiroba-kosodate-shien-center', '222224-step-salon'],
    gap: true,
    gapNames: ['就労支援'],
  },
  {
    name: '伊豆: 中伊豆で認知症の親を介護する家族',
    why: '伊豆市の居場所・認知症カフェは認知症の人と家族の場で、地区ごとにある。',
    profile: {
      municipality: IZU,
      district: '中伊豆地区',
      age: 55,
      situations: ['caregiver', 'dementia'],
      stage: 1,
      wants: ['ibasho'],
    },
    mustTop3: ['222224-ibasho-ninchisho-cafe-nakaizu'],
    mustNotTop5: [...IZU_WORK_A, '222224-hiyoko-club-kosodate-shien-center'],
  },
  {
    name: '伊豆: 元気な68歳、ボランティアを始めたい',
    why: '伊豆市は介護予防ボランティア養成講座でロコトレ教室やOB会を支える人を育てている。',
    profile: { municipality: IZU, district: '修善寺地区', age: 68, stage: 3, wants: ['volunteer_experience'] },
    mustTop3: ['222224-kaigo-yobo-volunteer-yosei-koza'],
    mustNotTop5: ['222224-nobinobi-hiroba-kosodate-shien-center'],
  },

  // ─── 柏崎市 (002) ───
  {
    name: '柏崎: ひきこもりの28歳、つながり直す',
    why: '柏崎市はひきこもり支援センター（直営）が訪問と参加支援を担い、社会とのつながりの回復を支える。',
    profile: { municipality: KASHIWAZAKI, age: 28, situations: ['hikikomori'], stage: 1 },
    mustTop3: [
      '152056-hikikomori-shien-sanka-shien',
      '152056-hikikomori-shien-center',
      '152056-hikikomori-shien-outreach',
    ],
    mustNotTop5: [...KASHIWAZAKI_CHILDCARE, '152056-koreisha-undo-supporter'],
  },
  {
    name: '柏崎: 学校に行けない13歳',
    why: '柏崎市のふれあいルーム推進事業は不登校などの学齢期の子どもに居場所を提供し、学校や社会への復帰を目指す。',
    profile: { municipality: KASHIWAZAKI, age: 13, situations: ['school_refusal'], stage: 1 },
    mustTop3: ['152056-fureai-room'],
    mustNotTop5: [
      '152056-kotsukotsu-chokin-taiso',
      '152056-kurashi-no-support-center',
      '152056-chiiki-katsudo-shien-center',
    ],
  },
  {
    name: '柏崎: 体操に通いたい80歳',
    why: '柏崎市の地域介護予防活動支援事業ではコツコツ貯筋体操が186会場で行われている。',
    profile: { municipality: KASHIWAZAKI, age: 80, stage: 2, wants: ['care_prevention'], interests: ['体操'] },
    mustTop3: ['152056-kotsukotsu-chokin-taiso'],
    mustNotTop5: [...KASHIWAZAKI_CHILDCARE, '152056-fureai-room'],
  },
  {
    name: '柏崎: 体操を支える側に回りたい70歳',
    why: '柏崎市は高齢者運動サポーター（289人）が体操の場を支える役割を担っている。',
    profile: { municipality: KASHIWAZAKI, age: 70, stage: 3, wants: ['volunteer_experience'], interests: ['運動'] },
    mustTop3: ['152056-koreisha-undo-supporter'],
    mustNotTop5: [...KASHIWAZAKI_CHILDCARE],
  },
  {
    name: '柏崎: 子ども連れで通える場を探す親',
    why: '柏崎市の地域子育て支援拠点事業はジャングルキッズ、子育て支援室、公立園・私立園の拠点で行われている。',
    profile: {
      municipality: KASHIWAZAKI,
      age: 33,
      situations: ['child_rearing'],
      stage: 2,
      wants: ['childcare_hub'],
      needs: { withChild: true },
    },
    mustTop3: KASHIWAZAKI_CHILDCARE,
    mustNotTop5: [
      '152056-kotsukotsu-chokin-taiso',
      '152056-kurashi-no-support-center',
      '152056-chiiki-katsudo-shien-center',
    ],
  },
  {
    name: '柏崎: 障がいのある人の日中活動',
    why: '柏崎市は地域活動支援センター（機能強化事業）を障がいのある人の通いの場としている。',
    profile: { municipality: KASHIWAZAKI, age: 41, situations: ['disability'], stage: 2 },
    mustTop3: ['152056-chiiki-katsudo-shien-center'],
    mustNotTop5: [...KASHIWAZAKI_CHILDCARE, '152056-kotsukotsu-chokin-taiso'],
  },

  {
    name: '柏崎: 生活に困る60歳、まず相談',
    why: '柏崎市は生活困窮者の相談を福祉課と自立相談支援で受けている。',
    profile: { municipality: KASHIWAZAKI, age: 60, situations: ['poverty'], stage: 1, wants: ['consultation'] },
    mustTop3: ['152056-jiritsu-sodan-shien', '152056-fukushika-seikatsu-konkyu-sodan'],
    mustNotTop5: [...KASHIWAZAKI_CHILDCARE, '152056-fureai-room'],
  },

  // ─── 恵那市 (003) ───
  {
    name: '恵那: 岩村町のひきこもりの30代、平日昼に出られる',
    why: '恵那市のひきこもり支援ステーション トモニコは岩村町にあり、月～金10～15時に相談と居場所を開き、ピア相談員がいる。',
    profile: {
      municipality: ENA,
      district: '岩村町',
      age: 32,
      situations: ['hikikomori'],
      stage: 1,
      availability: [
        { day: 'mon', from: '10:00', to: '15:00' },
        { day: 'wed', from: '10:00', to: '15:00' },
      ],
      needs: { peerSupport: true },
    },
    mustTop3: ['212105-tomoniko'],
    mustNotTop5: ['212105-cafe-takarabako', ...ENA_CHILDCARE],
  },
  {
    name: '恵那: 家の近くの地点から、ひきこもりの居場所',
    why: 'トモニコは岩村町のひきこもり専用の居場所で、利用者が多い。',
    profile: {
      municipality: ENA,
      home: { lat: 35.355, lng: 137.445 },
      maxTravelKm: 15,
      age: 24,
      situations: ['hikikomori'],
      stage: 1,
      wants: ['ibasho'],
    },
    mustTop3: ['212105-tomoniko'],
    mustNotTop5: ['212105-cafe-takarabako', ...ENA_CHILDCARE],
  },
  {
    name: '恵那: 働きたい25歳、木曜の午後が空いている',
    why: '恵那市の若者就労出張相談（えなスタ）は毎週木曜13～17時に開かれ、若者の就労を支える。',
    profile: {
      municipality: ENA,
      age: 25,
      stage: 3,
      wants: ['employment_support'],
      availability: [{ day: 'thu', from: '13:00', to: '17:00' }],
    },
    mustTop3: ['212105-enasta'],
    mustNotTop5: [...ENA_CHILDCARE, '212105-chiiki-kaigo-yobo-katsudo-shien'],
  },
  {
    name: '恵那: 土曜に通えるひとり親',
    why: '恵那市のえこなセカンドホームは火～土10～15時に開く居場所で、ひとり親サロンを行っている。',
    profile: {
      municipality: ENA,
      age: 38,
      situations: ['single_parent'],
      stage: 2,
      availability: [{ day: 'sat', from: '10:00', to: '15:00' }],
    },
    mustTop3: ['212105-ekona-second-home', '212105-hitorioya-salon-ekona'],
    mustNotTop5: ['212105-idokoro-cafe', '212105-chiiki-kaigo-yobo-katsudo-shien'],
  },
  {
    name: '恵那: 明智町で一人暮らしの70代、平日に話せる場',
    why: '恵那市の居dokoroカフェは明智町にある相談付き居場所で、平日に開いている。',
    profile: {
      municipality: ENA,
      district: '明智町',
      age: 74,
      stage: 1,
      wants: ['ibasho'],
      availability: weekdays('10:00', '15:00'),
    },
    mustTop3: ['212105-idokoro-cafe'],
    mustNotTop5: [...ENA_CHILDCARE, '212105-cafe-takarabako', '212105-tomoniko'],
  },
  {
    name: '恵那: 日曜しか空いていない人、食堂の居場所',
    why: '恵那市の極楽食堂は月・火・金・土・日の10～15時に開く居場所で、日曜にも開いている。',
    profile: {
      municipality: ENA,
      age: 58,
      stage: 1,
      wants: ['ibasho'],
      interests: ['食堂'],
      availability: [{ day: 'sun', from: '10:00', to: '14:00' }],
    },
    mustTop3: ['212105-gokuraku-shokudo'],
    mustNotTop5: ['212105-idokoro-cafe', '212105-tomoniko'],
  },
  {
    name: '恵那: 障がいのある人の創作活動',
    why: '恵那市の地域活動支援センターはホーリークロスセンターで、創作的活動や生産活動、社会との交流を提供する。',
    profile: { municipality: ENA, age: 36, situations: ['disability'], stage: 2, interests: ['創作'] },
    mustTop3: ['212105-holy-cross-center'],
    mustNotTop5: [...ENA_CHILDCARE],
  },
  {
    name: '恵那: サロンに通いたい77歳',
    why: '恵那市は地域介護予防活動支援事業で高齢者サロンなど集いの場を支えている。',
    profile: { municipality: ENA, age: 77, stage: 2, wants: ['salon'] },
    mustTop3: ['212105-chiiki-kaigo-yobo-katsudo-shien'],
    mustNotTop5: [...ENA_CHILDCARE, '212105-hitorioya-salon-ekona', '212105-enasta'],
  },

  {
    name: '恵那: 働く段階の22歳',
    why: '恵那市の若者就労出張相談（えなスタ）は若者の就労と定着を支え、認知度も高く利用者が多い。',
    profile: { municipality: ENA, age: 22, stage: 4, wants: ['employment_support', 'work_experience'] },
    mustTop3: ['212105-enasta', '212105-cafe-takarabako'],
    mustNotTop5: [...ENA_CHILDCARE, '212105-chiiki-kaigo-yobo-katsudo-shien', '212105-hitorioya-salon-ekona'],
  },

  // ─── 氷見市 (004) ───
  {
    name: '氷見: 居場所に慣れた35歳、次の一歩',
    why: '氷見市は就労体験の前の段階として多様なボランティア活動体験プログラムを構築している。',
    profile: {
      municipality: HIMI,
      age: 35,
      situations: ['hikikomori'],
      stage: 2,
      wants: ['volunteer_experience', 'work_experience'],
    },
    mustTop3: ['162051-volunteer-katsudo-taiken'],
    mustNotTop5: ['162051-shuro-shien-konkyu', '162051-jidokan'],
  },
  {
    name: '氷見: 農業の就労体験をしたい40代',
    why: '氷見市は民間企業の協力を得て農業や製造業での就労体験を実施している。',
    profile: { municipality: HIMI, age: 42, stage: 3, wants: ['work_experience'], interests: ['農業'] },
    mustTop3: ['162051-shuro-taiken'],
    mustNotTop5: ['162051-jidokan', '162051-gakudo-hoiku', '162051-roujin-kyuyo-home-juyoso'],
  },
  {
    name: '氷見: 稲積の男性70代、囲碁やパソコン',
    why: '氷見市の稲積地区には男性が集う日常型の拠点があり、パソコン教室や囲碁を行っている。',
    profile: { municipality: HIMI, district: '稲積地区', age: 71, stage: 1, interests: ['囲碁', 'パソコン'] },
    mustTop3: ['162051-inazumi-danseikyoten'],
    mustNotTop5: ['162051-jidokan', '162051-gakudo-hoiku', '162051-family-support-center'],
  },
  {
    name: '氷見: 十二町で誰でも集えるサロン',
    why: '氷見市の十二町地区には自治会単位に全世代が自由に集えるサロンがある。',
    profile: { municipality: HIMI, district: '十二町地区', age: 45, stage: 2, wants: ['salon'] },
    mustTop3: ['162051-junicho-salon'],
    mustNotTop5: ['162051-shuro-shien-konkyu', '162051-jidokan'],
  },
  {
    name: '氷見: 生活困窮世帯の小学生、学習の場',
    why: '氷見市は学習・生活支援事業を活用した居場所づくりを行っている。',
    profile: { municipality: HIMI, age: 11, situations: ['poverty'], stage: 1, wants: ['learning_support'] },
    mustTop3: ['162051-gakushu-seikatsu-shien'],
    mustNotTop5: ['162051-roujin-kyuyo-home-juyoso', '162051-himi-sante', '162051-shuro-shien-konkyu'],
  },
  {
    name: '氷見: 生活困窮の45歳、働く段階',
    why: '氷見市は生活困窮者自立支援事業の就労支援のノウハウを参加支援に生かしている。',
    profile: { municipality: HIMI, age: 45, situations: ['poverty'], stage: 4, wants: ['employment_support'] },
    mustTop3: ['162051-shuro-shien-konkyu'],
    mustNotTop5: ['162051-jidokan', '162051-gakushu-seikatsu-shien'],
  },
  {
    name: '氷見: 一人暮らしの85歳、身の回りの見守り',
    why: '氷見市のケアネット活動は、ふれあい型の活動に参加できない人を地域住民がチームで声掛けや身の回りのサポートで支える。',
    profile: { municipality: HIMI, age: 85, stage: 1, wants: ['life_support'], interests: ['見守り'] },
    mustTop3: ['162051-carenet'],
    mustNotTop5: ['162051-gakudo-hoiku', '162051-family-support-center', '162051-chiikigata-hoikusho-kirara'],
  },
  {
    name: '氷見: 費用をかけずに暮らしの手助けを受けたい80歳',
    why: '氷見市のケアネット活動は地域住民のチームが声掛けや買い物代行などを行い、自家用車による個別外出支援は有料である。',
    profile: {
      municipality: HIMI,
      age: 80,
      stage: 1,
      wants: ['life_support'],
      interests: ['買い物'],
      needs: { free: true },
    },
    mustTop3: ['162051-carenet'],
    mustNotTop5: ['162051-kobetsu-gaishutsu-shien', '162051-gakudo-hoiku', '162051-family-support-center'],
  },
  {
    name: '氷見: 気軽に立ち寄れる場を探す76歳',
    why: '氷見市には老人休養ホーム寿養荘や男性が集う日常型の拠点など、高齢者が立ち寄れる居場所がある。',
    profile: { municipality: HIMI, age: 76, stage: 1, wants: ['ibasho'] },
    mustTop3: ['162051-roujin-kyuyo-home-juyoso', '162051-inazumi-danseikyoten'],
    mustNotTop5: ['162051-jidokan', '162051-gakushu-seikatsu-shien', '162051-shuro-taiken'],
  },
];
