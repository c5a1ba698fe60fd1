// Merchants per spend category, each with a real ISO 18245 MCC that mcc-categories.csv maps to that same
// category (the generator checks this against mcc_categories before it writes a row, so a transaction's
// category always equals the MCC lookup). Amounts are lognormal: median `median` CNY, log-sd `sd`. Tickets are
// what the merchant charges; a category's weight in spend comes from the persona mixes (README: Spend mix), so
// the large-ticket categories (education, mother-and-baby, travel) carry small-ticket merchants too.
export interface Merchant {
  readonly category: string;
  readonly merchant: string;
  readonly mcc: string;
  readonly online: boolean;
  readonly median: number;
  readonly sd: number;
  readonly weight: number;
}

type Row = [merchant: string, mcc: string, online: boolean, median: number, sd: number, weight: number];

const catalogue: Record<string, Row[]> = {
  dining: [
    ['海底捞火锅', '5812', false, 260, 0.45, 9], ['西贝莜面村', '5812', false, 180, 0.45, 6], ['全聚德', '5812', false, 380, 0.5, 2],
    ['外婆家', '5812', false, 150, 0.4, 6], ['肯德基', '5814', false, 48, 0.4, 10], ['麦当劳', '5814', false, 42, 0.4, 10],
    ['星巴克', '5814', false, 45, 0.3, 7], ['瑞幸咖啡', '5814', false, 22, 0.3, 6], ['喜茶', '5814', false, 28, 0.3, 4],
    ['美团外卖', '5814', true, 45, 0.45, 14], ['饿了么', '5814', true, 42, 0.45, 10], ['酒吧小馆', '5813', false, 220, 0.6, 2],
  ],
  travel: [
    ['中国国际航空', '4511', true, 1100, 0.55, 6], ['东方航空', '4511', true, 950, 0.55, 6], ['南方航空', '4511', true, 950, 0.55, 6],
    ['携程旅行', '4722', true, 650, 0.8, 12], ['飞猪旅行', '4722', true, 500, 0.8, 6], ['万豪酒店', '7011', false, 1100, 0.5, 4],
    ['希尔顿酒店', '7011', false, 1000, 0.5, 3], ['如家酒店', '7011', false, 260, 0.35, 6], ['华住酒店', '7011', false, 380, 0.35, 5],
    ['神州租车', '7512', true, 450, 0.5, 2],
  ],
  shopping: [
    ['万达广场', '5311', false, 380, 0.8, 8], ['银泰百货', '5311', false, 520, 0.8, 5], ['优衣库', '5651', false, 260, 0.6, 8],
    ['苏宁易购', '5732', false, 1200, 1.0, 5], ['周大福', '5944', false, 3800, 0.8, 2], ['屈臣氏', '5977', false, 120, 0.5, 8],
    ['迪卡侬', '5941', false, 300, 0.7, 4], ['宜家家居', '5712', false, 650, 0.9, 4], ['华为体验店', '5732', false, 3500, 0.6, 3],
  ],
  online_shopping: [
    ['淘宝', '5964', true, 120, 0.9, 20], ['天猫', '5964', true, 200, 0.9, 16], ['京东', '5964', true, 260, 1.0, 18],
    ['拼多多', '5964', true, 60, 0.8, 14], ['抖音商城', '5969', true, 90, 0.8, 8], ['唯品会', '5964', true, 180, 0.7, 4],
    ['腾讯游戏', '5816', true, 68, 0.9, 5], ['爱奇艺会员', '5815', true, 25, 0.3, 4], ['阿里云', '4816', true, 120, 0.8, 1],
  ],
  supermarket: [
    ['沃尔玛', '5411', false, 210, 0.6, 10], ['永辉超市', '5411', false, 150, 0.6, 10], ['盒马鲜生', '5411', false, 170, 0.6, 9],
    ['家乐福', '5411', false, 190, 0.6, 5], ['大润发', '5411', false, 180, 0.6, 6], ['山姆会员商店', '5411', false, 520, 0.6, 4],
    ['7-Eleven便利店', '5499', false, 28, 0.5, 6], ['全家便利店', '5499', false, 26, 0.5, 6], ['好利来', '5462', false, 80, 0.5, 3],
  ],
  entertainment: [
    ['万达影城', '7832', false, 90, 0.4, 8], ['猫眼电影', '7832', true, 85, 0.4, 8], ['上海迪士尼乐园', '7996', false, 900, 0.5, 2],
    ['欢乐谷', '7996', false, 420, 0.5, 2], ['乐刻健身', '7997', false, 300, 0.6, 4], ['好乐迪KTV', '7911', false, 260, 0.5, 4],
  ],
  health: [
    ['老百姓大药房', '5912', false, 90, 0.7, 10], ['大参林药房', '5912', false, 85, 0.7, 8], ['美年大健康', '8099', false, 800, 0.6, 3],
    ['瑞尔齿科', '8021', false, 1200, 0.8, 2], ['宝岛眼镜', '8043', false, 900, 0.5, 2], ['和睦家医院', '8062', false, 1500, 0.9, 2],
  ],
  education: [
    ['新东方', '8299', false, 1500, 0.5, 3], ['学而思', '8299', false, 1200, 0.5, 3], ['猿辅导', '8299', true, 700, 0.5, 3],
    ['大学学费', '8220', false, 5000, 0.4, 0.5], ['驾校培训', '8299', false, 4000, 0.3, 0.5], ['得到App', '8299', true, 199, 0.5, 4],
    ['网易有道精品课', '8299', true, 400, 0.6, 4], ['考试报名费', '8299', true, 260, 0.5, 3], ['少儿兴趣班', '8299', false, 600, 0.4, 8],
  ],
  mother_baby: [
    ['孩子王', '5641', false, 320, 0.7, 10], ['爱婴室', '5641', false, 200, 0.6, 8], ['Babycare旗舰店', '5641', true, 150, 0.6, 8],
    ['乐高旗舰店', '5945', false, 450, 0.6, 4], ['玩具反斗城', '5945', false, 260, 0.6, 4], ['金宝贝早教', '8351', false, 2800, 0.5, 2],
    ['红黄蓝幼儿园', '8351', false, 3200, 0.4, 1],
  ],
  fuel: [
    ['中国石化', '5541', false, 320, 0.35, 12], ['中国石油', '5541', false, 310, 0.35, 10], ['壳牌加油站', '5541', false, 330, 0.35, 3],
    ['特来电充电', '5542', false, 65, 0.5, 3],
  ],
  transport: [
    ['滴滴出行', '4121', true, 32, 0.6, 14], ['哈啰出行', '4121', true, 15, 0.5, 5], ['地铁出行', '4111', false, 5, 0.4, 8],
    ['12306铁路', '4112', true, 320, 0.7, 6], ['高速ETC', '4784', false, 75, 0.6, 6], ['顺丰速运', '4215', true, 28, 0.5, 4],
  ],
  utilities: [
    ['中国移动', '4814', true, 100, 0.4, 10], ['中国联通', '4814', true, 90, 0.4, 5], ['中国电信', '4814', true, 95, 0.4, 5],
    ['国家电网', '4900', true, 180, 0.6, 8], ['城市燃气', '4900', true, 120, 0.6, 4], ['有线电视', '4899', true, 60, 0.3, 1],
  ],
  automotive: [
    ['比亚迪4S店', '5511', false, 3000, 1.2, 2], ['途虎养车', '7538', false, 600, 0.7, 5], ['城市停车', '7523', false, 25, 0.6, 8],
    ['汽车用品店', '5533', false, 260, 0.7, 3],
  ],
  cash: [
    ['ATM取现', '6011', false, 1500, 0.6, 8], ['柜台取现', '6010', false, 3000, 0.6, 2],
  ],
  financial: [
    ['中国平安保险', '6300', true, 3500, 0.7, 5], ['中国人寿', '6300', false, 4000, 0.7, 4], ['证券账户转入', '6211', true, 5000, 0.9, 2],
    ['自如租房', '6513', true, 3500, 0.4, 3],
  ],
  other: [
    ['政务缴费', '9311', true, 300, 0.9, 4], ['物业服务', '8999', false, 450, 0.5, 4], ['企业服务', '7399', false, 500, 0.9, 2],
    ['公益捐赠', '8398', true, 100, 0.8, 1],
  ],
};

export const merchants: readonly Merchant[] = Object.entries(catalogue).flatMap(([category, rows]) =>
  rows.map(([merchant, mcc, online, median, sd, weight]) => ({ category, merchant, mcc, online, median, sd, weight })),
);
