import { bilingual } from '../shared/bilingual';

/**
 * The Connect your sheet dialog's words, Korean and English. Field names,
 * sample readings and problems come from the server, already translated.
 */
export const connectStrings = bilingual({
  en: {
    loading: 'Reading your sheets…',
    previewing: 'Reading…',
    saving: 'Connecting…',
    serverError: (m: string) => `The server could not answer: ${m}`,
    intro:
      'Pick the sheet your team keeps its deals in and check that every column reads as you mean it. Nothing in your sheet is changed: the add-on only adds its own Pipeline health column there when the daily check runs.',
    sheet: 'Deals sheet',
    fits: (n: number) => (n === 1 ? '1 column recognised' : `${n} columns recognised`),
    headerRow: (row: number) =>
      row > 1 ? `Headers found in row ${row}; the rows above are left alone.` : 'Headers found in row 1.',
    columnsSection: 'Columns',
    field: 'Field',
    column: 'Column in your sheet',
    samples: 'Read as',
    none: '(none)',
    required: 'required',
    noValues: 'no values yet',
    readingSection: 'How values are read',
    amountUnit: (unit: number) =>
      unit === 1
        ? 'Amounts are read as written.'
        : `Every Amount is multiplied by ${unit.toLocaleString('en-US')} (the unit in its header or title).`,
    currency: (code: string) => `Amounts are in ${code}.`,
    noCurrency: 'No currency is named: amounts are shown in the spreadsheet\u2019s currency.',
    dateOrder: {
      'year-first': 'Dates are read year first (2023-11-30).',
      'month-first':
        'Dates written with slashes are read month first (11/30/2023), as US Sheets writes them.',
      'day-first': 'Dates are read day first (30/11/2023).',
    } as Record<string, string>,
    noDealId:
      'Without a Deal ID column the deal panel cannot move deals and Stage history cannot follow them. Add a Deal ID column to your sheet (any header such as "ID") to use them.',
    stagesSection: 'Stages',
    usesStages: (name: string) => `The pipeline's stages come from the sheet '${name}'.`,
    proposedIntro:
      'There is no Stages sheet yet. These stages come from your deals, in the order they first appear. Check the outcome and fill every open stage\u2019s win probability: deals in a stage without one are listed as problems, not forecast.',
    stage: 'Stage',
    outcome: 'Outcome',
    outcomes: { open: 'Open', won: 'Won', lost: 'Lost' } as Record<string, string>,
    probability: 'Win probability (%)',
    deals: 'Deals',
    basis: 'Based on',
    probabilityInvalid: (stage: string) => `Win probability for '${stage}' must be a number from 0 to 100.`,
    blankProbabilities: (n: number) =>
      n === 1 ? '1 open stage has no win probability yet.' : `${n} open stages have no win probability yet.`,
    connected: 'Connected. The deal panel, the daily check and the custom functions now read this sheet.',
    isConnected: 'This sheet is connected with this mapping.',
    connect: 'Connect this sheet',
    reconnect: 'Save mapping',
    close: 'Close',
  },
  ko: {
    loading: '시트를 읽는 중…',
    previewing: '읽는 중…',
    saving: '연결하는 중…',
    serverError: (m) => `서버가 응답하지 못했습니다: ${m}`,
    intro:
      '팀이 딜을 관리하는 시트를 고르고, 각 열이 뜻대로 읽히는지 확인하세요. 시트의 내용은 바뀌지 않습니다: 매일 점검이 실행될 때 추가 기능의 파이프라인 점검 열 하나만 더해집니다.',
    sheet: '딜 시트',
    fits: (n) => `${n}개 열 인식`,
    headerRow: (row) =>
      row > 1 ? `머리글은 ${row}행에 있습니다. 그 위의 행은 건드리지 않습니다.` : '머리글은 1행에 있습니다.',
    columnsSection: '열',
    field: '항목',
    column: '시트의 열',
    samples: '읽은 값',
    none: '(없음)',
    required: '필수',
    noValues: '아직 값이 없습니다',
    readingSection: '값을 읽는 방법',
    amountUnit: (unit) =>
      unit === 1
        ? '금액은 적힌 그대로 읽습니다.'
        : `모든 금액에 ${unit.toLocaleString('ko-KR')}을 곱합니다 (머리글이나 제목의 단위).`,
    currency: (code) => `금액의 통화는 ${code}입니다.`,
    noCurrency: '통화가 적혀 있지 않아 스프레드시트의 통화로 보여 줍니다.',
    dateOrder: {
      'year-first': '날짜는 연도부터 읽습니다 (2023-11-30).',
      'month-first': '빗금(/)으로 쓴 날짜는 월부터 읽습니다 (11/30/2023, 미국식).',
      'day-first': '날짜는 일부터 읽습니다 (30/11/2023).',
    },
    noDealId:
      '딜 ID 열이 없으면 딜 패널에서 딜을 옮길 수 없고 단계 이력도 딜을 따라갈 수 없습니다. 사용하려면 시트에 딜 ID 열(예: "ID")을 추가하세요.',
    stagesSection: '단계',
    usesStages: (name) => `파이프라인 단계는 '${name}' 시트에서 읽습니다.`,
    proposedIntro:
      '아직 단계 시트가 없습니다. 아래 단계는 딜에 처음 나온 순서대로 만든 것입니다. 결과를 확인하고 진행 중인 단계마다 수주 확률을 채우세요: 확률이 없는 단계의 딜은 예측에 넣지 않고 문제로 표시합니다.',
    stage: '단계',
    outcome: '결과',
    outcomes: { open: '진행 중', won: '수주', lost: '실주' },
    probability: '수주 확률 (%)',
    deals: '딜 수',
    basis: '근거',
    probabilityInvalid: (stage) => `'${stage}'의 수주 확률은 0에서 100 사이의 숫자여야 합니다.`,
    blankProbabilities: (n) => `진행 중인 단계 ${n}개에 아직 수주 확률이 없습니다.`,
    connected: '연결했습니다. 이제 딜 패널, 매일 점검, 사용자 함수가 이 시트를 읽습니다.',
    isConnected: '이 시트가 이 설정으로 연결되어 있습니다.',
    connect: '이 시트 연결',
    reconnect: '설정 저장',
    close: '닫기',
  },
});

export type ConnectStrings = ReturnType<typeof connectStrings>;
