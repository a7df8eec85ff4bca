import type { HouseholdProfileInput } from '@norishiro/data';

/**
 * Households with several needs at once (8050, ダブルケア, 老老介護), written from the plans
 * before the household matching existed. Each member is labelled like a single scenario;
 * `shared` lists resources a coordinator expects to serve two or more members (any one of
 * them among the shared results is enough); `gap` is the household's combined gap.
 */
export interface HouseholdScenario {
  name: string;
  why: string;
  household: HouseholdProfileInput;
  members: { mustTop3: string[]; mustNotTop5: string[] }[];
  shared?: string[];
  gap: boolean;
  gapNames?: string[];
}

const IZU = '222224';
const KASHIWAZAKI = '152056';
const ENA = '212105';
const HIMI = '162051';
const ATAMI = '222054';

const weekdays = (from: string, to: string) =>
  (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({ day, from, to }));

export const householdScenarios: HouseholdScenario[] = [
  {
    name: '柏崎: 8050（82歳の母とひきこもりの52歳）',
    why: '柏崎市では高齢の母の相談は地域包括支援センターと介護高齢課が、ひきこもりの子の相談と参加はひきこもり支援センターが受ける。',
    household: {
      municipality: KASHIWAZAKI,
      members: [
        { relation: 'self', age: 52, situations: ['hikikomori'], stage: 1 },
        { relation: 'mother', age: 82, situations: ['elderly', 'caregiver'], caresFor: ['hikikomori'], stage: 1 },
      ],
    },
    members: [
      {
        mustTop3: [
          '152056-hikikomori-shien-center',
          '152056-hikikomori-shien-sanka-shien',
          '152056-hikikomori-shien-outreach',
        ],
        mustNotTop5: ['152056-jungle-kids', '152056-fureai-room'],
      },
      {
        mustTop3: [
          '152056-chiiki-hokatsu-shien-center',
          '152056-kaigo-koreika-sodan',
          '152056-hikikomori-shien-center',
        ],
        mustNotTop5: ['152056-jungle-kids', '152056-kosodate-shienshitsu'],
      },
    ],
    shared: ['152056-hikikomori-shien-center', '152056-hikikomori-shien-outreach'],
    gap: false,
  },
  {
    name: '伊豆: 中伊豆の8050（85歳の父と障がいのある55歳）',
    why: '中伊豆地区には地域包括支援センターと就労継続支援B型事業所があり、計画は親亡き後を課題に挙げる。',
    household: {
      municipality: IZU,
      district: '中伊豆地区',
      members: [
        { relation: 'father', age: 85, situations: ['elderly'], stage: 1 },
        { relation: 'self', age: 55, situations: ['disability'], stage: 3, wants: ['employment_support'] },
      ],
    },
    members: [
      {
        mustTop3: ['222224-nakaizu-chiku-hokatsu-shien-center', '222224-ibasho-ninchisho-cafe-nakaizu'],
        mustNotTop5: ['222224-hiyoko-club-kosodate-shien-center', '222224-shuro-keizoku-a-nakaizu'],
      },
      {
        mustTop3: ['222224-shuro-keizoku-b-nakaizu'],
        mustNotTop5: ['222224-hiyoko-club-kosodate-shien-center', '222224-locotre-kyoshitsu-nakaizu'],
      },
    ],
    gap: false,
  },
  {
    name: '恵那: ダブルケア（40歳の親、2歳の子、認知症の80歳の祖母）',
    why: '恵那市の計画はダブルケアを世帯の複合課題に挙げ、子育て支援拠点・こども家庭センター・地域包括支援センターがそれぞれを受ける。',
    household: {
      municipality: ENA,
      members: [
        {
          relation: 'self',
          age: 40,
          situations: ['child_rearing', 'caregiver'],
          caresFor: ['dementia'],
          stage: 1,
          needs: { withChild: true },
        },
        { relation: 'child', age: 2, situations: ['children'], stage: 1 },
        { relation: 'grandparent', age: 80, situations: ['dementia', 'elderly'], stage: 1 },
      ],
    },
    members: [
      {
        mustTop3: [
          '212105-kodomo-katei-center',
          '212105-kosodate-shien-center',
          '212105-kodomo-genki-plaza',
          '212105-chiiki-hokatsu-shien-center-ena',
          '212105-chiiki-hokatsu-shien-center-keinan',
        ],
        mustNotTop5: ['212105-enasta', '212105-cafe-takarabako'],
      },
      {
        mustTop3: ['212105-kosodate-shien-center', '212105-kodomo-genki-plaza', '212105-kodomo-katei-center'],
        mustNotTop5: ['212105-enasta', '212105-chiiki-kaigo-yobo-katsudo-shien'],
      },
      {
        mustTop3: [
          '212105-chiiki-hokatsu-shien-center-ena',
          '212105-chiiki-hokatsu-shien-center-keinan',
          '212105-fukushi-sogo-sodan-madoguchi',
        ],
        mustNotTop5: ['212105-kosodate-shien-center', '212105-kodomo-genki-plaza', '212105-enasta'],
      },
    ],
    shared: [
      '212105-kosodate-shien-center',
      '212105-kodomo-genki-plaza',
      '212105-kodomo-katei-center',
      '212105-chiiki-hokatsu-shien-center-ena',
      '212105-chiiki-hokatsu-shien-center-keinan',
    ],
    gap: false,
  },
  {
    name: '氷見: 老老介護（80歳の妻と認知症の84歳の夫）',
    why: '氷見市の市包括は夫婦どちらの相談も受け、市社協は日常生活自立支援事業や通所介護を行う。',
    household: {
      municipality: HIMI,
      members: [
        { relation: 'self', age: 80, situations: ['elderly', 'caregiver'], caresFor: ['dementia'], stage: 1 },
        { relation: 'spouse', age: 84, situations: ['elderly', 'dementia'], stage: 1 },
      ],
    },
    members: [
      {
        mustTop3: ['162051-chiiki-houkatsu', '162051-kyotaku-kaigo-shien', '162051-fukushi-soudan-support-center'],
        mustNotTop5: ['162051-jidokan', '162051-chiikigata-hoikusho-kirara'],
      },
      {
        mustTop3: [
          '162051-chiiki-houkatsu',
          '162051-nichijo-seikatsu-jiritsu',
          '162051-tsusho-kaigo-koreishashienka',
          '162051-kyotaku-kaigo-shien',
        ],
        mustNotTop5: ['162051-jidokan', '162051-chiikigata-hoikusho-kirara'],
      },
    ],
    shared: ['162051-chiiki-houkatsu', '162051-kyotaku-kaigo-shien'],
    gap: false,
  },
  {
    name: '熱海: 生活に困るひとり親と、学習の場が要る不登校の12歳',
    why: '熱海市ではくらし・しごと相談センターが親の相談を受けるが、子どもの学習・生活支援の場は計画に挙がっていない。',
    household: {
      municipality: ATAMI,
      district: '熱海地区',
      members: [
        { relation: 'self', age: 38, situations: ['single_parent', 'poverty'], stage: 1, wants: ['consultation'] },
        {
          relation: 'child',
          age: 12,
          situations: ['children', 'school_refusal'],
          stage: 1,
          wants: ['learning_support'],
        },
      ],
    },
    members: [
      { mustTop3: ['222054-kurashi-shigoto-sodan-center'], mustNotTop5: ['222054-atami-chiku-hokatsu-shien-center'] },
      {
        mustTop3: [],
        mustNotTop5: [
          '222054-atami-kosodate-shien-center',
          '222054-minami-atami-kosodate-shien-center',
          '222054-oyako-fureai-salon',
        ],
      },
    ],
    gap: true,
    gapNames: ['学習'],
  },
  {
    name: '恵那: 76歳の親と、平日の夜しか出られないひきこもりの45歳',
    why: '恵那市の居場所は開く時間が分かっていて夜はどれも閉まっている。親の相談は地域包括支援センターが受ける。',
    household: {
      municipality: ENA,
      members: [
        { relation: 'mother', age: 76, situations: ['elderly'], stage: 1, wants: ['consultation'] },
        {
          relation: 'self',
          age: 45,
          situations: ['hikikomori'],
          stage: 1,
          wants: ['ibasho'],
          availability: weekdays('19:00', '21:00'),
        },
      ],
    },
    members: [
      {
        mustTop3: [
          '212105-chiiki-hokatsu-shien-center-ena',
          '212105-chiiki-hokatsu-shien-center-keinan',
          '212105-fukushi-sogo-sodan-madoguchi',
        ],
        mustNotTop5: ['212105-kosodate-shien-center', '212105-kodomo-genki-plaza'],
      },
      { mustTop3: [], mustNotTop5: ['212105-kosodate-shien-center', '212105-kodomo-genki-plaza'] },
    ],
    gap: true,
    gapNames: ['居場所'],
  },
  {
    name: '伊豆: 土肥のヤングケアラー（16歳）と認知症の83歳の祖母',
    why: '伊豆市の計画はヤングケアラーを課題に挙げ、土肥地区には地域包括支援センターと居場所・認知症カフェがある。',
    household: {
      municipality: IZU,
      district: '土肥地区',
      members: [
        { relation: 'self', age: 16, situations: ['children', 'caregiver'], caresFor: ['dementia'], stage: 1 },
        { relation: 'grandparent', age: 83, situations: ['elderly', 'dementia'], stage: 1 },
      ],
    },
    members: [
      {
        mustTop3: ['222224-toi-chiku-hokatsu-shien-center', '222224-ibasho-ninchisho-cafe-toi', '222224-step-salon'],
        mustNotTop5: ['222224-kosodate-shien-center-toi', '222224-locotre-kyoshitsu-toi'],
      },
      {
        mustTop3: ['222224-toi-chiku-hokatsu-shien-center', '222224-ibasho-ninchisho-cafe-toi'],
        mustNotTop5: ['222224-kosodate-shien-center-toi'],
      },
    ],
    shared: ['222224-toi-chiku-hokatsu-shien-center', '222224-ibasho-ninchisho-cafe-toi'],
    gap: false,
  },
];
