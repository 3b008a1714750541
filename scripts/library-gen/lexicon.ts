/** Word material for generated libraries: common words of each language, and syllables for a long tail. */
export interface Lexicon {
  lang: string;
  /** The most common words, most frequent first. */
  common: string[];
  /** Syllables from which rarer, real-looking words are built. */
  syllables: string[];
  /** CJK scripts write without spaces. */
  spaced: boolean;
  end: string;
}

const en =
  `the of and to a in is that for it as was with be by on not he this are or his from at which but have an they you were her she there had been one all we their has would when if more no out so said what up its about into than them can only other new some time could these two may then do first any my now such like our over man me even most made after also did many before must through back years where much your way well down should because each just those people how too little state good very make world still own see men work long get here between both life being under never day same another know while last might us great old year off come since against go came right used take three`.split(
    /\s+/,
  );
const de =
  `der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über einen so zum war haben nur oder aber vor zur bis mehr durch man sein wurde sei prozent hatte kann gegen vom können schon wenn habe seine ihre dann unter wir soll ich eines jahr zwei jahren diese dieser wieder keine seiner worden will zwischen immer millionen ersten was sagte gibt alle diesem seit muss doch jetzt drei neue damit bereits da ihr seinen müssen ab ihrer ihren große straße über später würde natürlich für mädchen schön grüße öffentlich`.split(
    /\s+/,
  );
const fr =
  `de la le et les des en un du une que est pour qui dans a par plus pas au sur ne se ce il sont aux avec son cette ont ses mais comme on tout nous sa été aussi leur elle fait entre deux bien où sans peut même ces nouveau après très été déjà être années français première société économie politique général développement président gouvernement ministre région ville pays monde travail système problème question état année fois jour temps personne enfant histoire raison manière moment famille côté à où là ça garçon noël`.split(
    /\s+/,
  );
const es =
  `de la que el en y a los del se las por un para con no una su al lo como más pero sus le ya o este sí porque esta entre cuando muy sin sobre también me hasta hay donde quien desde todo nos durante todos uno les ni contra otros ese eso ante ellos e esto mí antes algunos qué unos yo otro otras otra él tanto esa estos mucho quienes nada muchos cual poco ella estar estas algunas algo nosotros año años día país gobierno ciudad niño español señor información económico política después también está así según`.split(
    /\s+/,
  );
const ja =
  `東京 日本 政府 経済 社会 文化 技術 研究 大学 学生 会社 市場 国際 地域 環境 問題 情報 開発 世界 時間 今日 明日 自分 私たち 新しい 大きい 小さい 電車 駅 写真 音楽 映画 料理 旅行 歴史 科学 医療 教育 言語 未来 ことば ひらがな カタカナ コンピュータ インターネット データ サービス システム デザイン プロジェクト`.split(
    /\s+/,
  );
const zh =
  `中国 北京 上海 经济 社会 文化 技术 研究 大学 学生 公司 市场 国际 地区 环境 问题 信息 发展 世界 时间 今天 明天 自己 我们 新的 城市 历史 科学 医疗 教育 语言 未来 政府 人民 工作 生活 网络 数据 服务 系统 设计 项目 电影 音乐 旅游`.split(
    /\s+/,
  );

export const LEXICONS: Lexicon[] = [
  {
    lang: 'en',
    common: en,
    syllables:
      'ver con tion ing al er pro ex ment ly in re de com ter ble ous ate ize ward ness light stone field form port struct graph'.split(
        ' ',
      ),
    spaced: true,
    end: '.',
  },
  {
    lang: 'de',
    common: de,
    syllables:
      'ver ge ung keit heit schaft lich ein aus bau wirt stadt land rat zeit kraft werk spiel bahn wech sel über änd grün'.split(
        ' ',
      ),
    spaced: true,
    end: '.',
  },
  {
    lang: 'fr',
    common: fr,
    syllables: 'con tion ment ité eur ique pré dé re ver sation mai son char bel lier é è oi eau ré'.split(' '),
    spaced: true,
    end: '.',
  },
  {
    lang: 'es',
    common: es,
    syllables: 'ción dad men te con pre ra do ri ca ña es tar ado iento ísimo ma ta ble ción'.split(' '),
    spaced: true,
    end: '.',
  },
  {
    lang: 'ja',
    common: ja,
    syllables:
      'の は が を に で と も 的 性 化 者 会 年 月 人 大 中 国 本 学 生 業 新 発 電 子 情 報 理 論 実 験'.split(' '),
    spaced: false,
    end: '。',
  },
  {
    lang: 'zh',
    common: zh,
    syllables:
      '的 是 在 了 和 有 人 这 中 大 为 上 个 国 我 以 要 他 时 来 用 们 生 到 作 地 于 出 就 分 对 成 会 可 主 发 年 动 同 工 也 能 下 过 子 说 产 种 面 而 方 后 多 定 行 学 法 所 民 得 经'.split(
        ' ',
      ),
    spaced: false,
    end: '。',
  },
];
