// Who the demo customers are: names, places and jobs. Surname weights follow the published frequency of
// the most common Chinese surnames; cities are ranked by the usual tiering (1 一线, 2 新一线, 3 二线, 4 三线,
// 5 四线及以下) and weighted roughly by population.

/** [surname, pinyin, weight] */
export const surnames: readonly [string, string, number][] = [
  ['王', 'wang', 7.1], ['李', 'li', 7.0], ['张', 'zhang', 6.7], ['刘', 'liu', 5.4], ['陈', 'chen', 4.5], ['杨', 'yang', 3.1],
  ['黄', 'huang', 2.2], ['赵', 'zhao', 2.0], ['吴', 'wu', 1.9], ['周', 'zhou', 1.9], ['徐', 'xu', 1.5], ['孙', 'sun', 1.5],
  ['马', 'ma', 1.3], ['朱', 'zhu', 1.3], ['胡', 'hu', 1.2], ['郭', 'guo', 1.1], ['何', 'he', 1.1], ['林', 'lin', 1.0],
  ['高', 'gao', 1.0], ['罗', 'luo', 0.9], ['郑', 'zheng', 0.9], ['梁', 'liang', 0.8], ['谢', 'xie', 0.7], ['宋', 'song', 0.7],
  ['唐', 'tang', 0.7], ['许', 'xu', 0.6], ['韩', 'han', 0.6], ['冯', 'feng', 0.6], ['邓', 'deng', 0.6], ['曹', 'cao', 0.6],
  ['彭', 'peng', 0.5], ['曾', 'zeng', 0.5], ['肖', 'xiao', 0.5], ['田', 'tian', 0.5], ['董', 'dong', 0.5], ['袁', 'yuan', 0.4],
  ['潘', 'pan', 0.4], ['于', 'yu', 0.4], ['蒋', 'jiang', 0.4], ['蔡', 'cai', 0.4], ['余', 'yu', 0.4], ['杜', 'du', 0.4],
  ['叶', 'ye', 0.4], ['程', 'cheng', 0.4], ['魏', 'wei', 0.3], ['苏', 'su', 0.3], ['吕', 'lv', 0.3], ['丁', 'ding', 0.3],
  ['任', 'ren', 0.3], ['沈', 'shen', 0.3], ['姚', 'yao', 0.3], ['卢', 'lu', 0.3], ['姜', 'jiang', 0.3], ['崔', 'cui', 0.3],
  ['钟', 'zhong', 0.3], ['谭', 'tan', 0.3], ['陆', 'lu', 0.3], ['汪', 'wang', 0.3], ['范', 'fan', 0.3], ['金', 'jin', 0.3],
  ['欧阳', 'ouyang', 0.05], ['司马', 'sima', 0.02],
];

/** [character, pinyin] for given names. */
export const givenMale: readonly [string, string][] = [
  ['伟', 'wei'], ['强', 'qiang'], ['磊', 'lei'], ['军', 'jun'], ['勇', 'yong'], ['杰', 'jie'], ['涛', 'tao'], ['斌', 'bin'],
  ['超', 'chao'], ['明', 'ming'], ['刚', 'gang'], ['平', 'ping'], ['辉', 'hui'], ['鹏', 'peng'], ['浩', 'hao'], ['宇', 'yu'],
  ['俊', 'jun'], ['峰', 'feng'], ['建', 'jian'], ['国', 'guo'], ['文', 'wen'], ['博', 'bo'], ['子', 'zi'], ['轩', 'xuan'],
  ['睿', 'rui'], ['晨', 'chen'], ['阳', 'yang'], ['昊', 'hao'], ['然', 'ran'], ['志', 'zhi'], ['嘉', 'jia'], ['翔', 'xiang'],
];
export const givenFemale: readonly [string, string][] = [
  ['芳', 'fang'], ['娜', 'na'], ['敏', 'min'], ['静', 'jing'], ['丽', 'li'], ['艳', 'yan'], ['娟', 'juan'], ['霞', 'xia'],
  ['婷', 'ting'], ['雪', 'xue'], ['琳', 'lin'], ['颖', 'ying'], ['慧', 'hui'], ['佳', 'jia'], ['欣', 'xin'], ['怡', 'yi'],
  ['萱', 'xuan'], ['梦', 'meng'], ['雨', 'yu'], ['晴', 'qing'], ['悦', 'yue'], ['诗', 'shi'], ['涵', 'han'], ['玲', 'ling'],
  ['倩', 'qian'], ['洁', 'jie'], ['蕾', 'lei'], ['瑶', 'yao'], ['楠', 'nan'], ['琪', 'qi'], ['月', 'yue'], ['秀', 'xiu'],
];

/** [city, tier, weight] */
export const cities: readonly [string, number, number][] = [
  ['北京', 1, 6], ['上海', 1, 6], ['广州', 1, 4.5], ['深圳', 1, 4.5],
  ['成都', 2, 3], ['重庆', 2, 3], ['杭州', 2, 3], ['武汉', 2, 2.5], ['西安', 2, 2.2], ['苏州', 2, 2], ['天津', 2, 2.2],
  ['南京', 2, 2], ['长沙', 2, 1.8], ['郑州', 2, 1.8], ['东莞', 2, 1.5], ['青岛', 2, 1.5], ['沈阳', 2, 1.3], ['宁波', 2, 1.3],
  ['昆明', 2, 1.2],
  ['厦门', 3, 1], ['福州', 3, 1], ['无锡', 3, 1], ['合肥', 3, 1.2], ['大连', 3, 1], ['济南', 3, 1], ['哈尔滨', 3, 1],
  ['长春', 3, 0.9], ['南昌', 3, 0.9], ['南宁', 3, 0.9], ['石家庄', 3, 1], ['太原', 3, 0.8], ['贵阳', 3, 0.8], ['佛山', 3, 1.2],
  ['温州', 3, 0.9], ['泉州', 3, 0.9],
  ['洛阳', 4, 0.7], ['珠海', 4, 0.6], ['扬州', 4, 0.5], ['桂林', 4, 0.5], ['绵阳', 4, 0.5], ['芜湖', 4, 0.5], ['赣州', 4, 0.6],
  ['襄阳', 4, 0.5], ['湛江', 4, 0.5], ['岳阳', 4, 0.5],
  ['曲靖', 5, 0.4], ['开封', 5, 0.4], ['六安', 5, 0.4], ['天水', 5, 0.3], ['黄冈', 5, 0.4], ['丽江', 5, 0.2], ['汉中', 5, 0.3],
  ['周口', 5, 0.4], ['邵阳', 5, 0.3],
];

/** Occupations by the persona group that holds them most often. */
export const occupations: Readonly<Record<string, readonly string[]>> = {
  young_online_shopper: ['软件工程师', '设计师', '市场专员', '新媒体运营', '自由职业', '外卖骑手', '销售代表', '研究生'],
  business_traveller: ['企业管理者', '销售经理', '咨询顾问', '金融从业者', '律师', '工程项目经理'],
  high_value: ['企业主', '企业管理者', '医生', '律师', '金融从业者', '大学教授'],
  default: ['教师', '医生', '护士', '公务员', '个体经营者', '财务会计', '工人', '销售代表', '软件工程师', '餐饮从业者', '司机', '退休'],
};

/** [domain, weight]; qq.com addresses are mostly the QQ number. */
export const emailDomains: readonly [string, number][] = [
  ['qq.com', 35], ['163.com', 25], ['126.com', 10], ['icloud.com', 7], ['sina.com', 5], ['foxmail.com', 5], ['gmail.com', 5],
  ['outlook.com', 5], ['hotmail.com', 3],
];

/** Second and third digits of mainland mobile numbers in use. */
export const phonePrefixes: readonly string[] = [
  '30', '31', '32', '33', '35', '36', '37', '38', '39', '50', '51', '52', '53', '55', '56', '57', '58', '59', '66', '73', '77',
  '80', '81', '82', '83', '85', '86', '87', '88', '89', '98', '99',
];
