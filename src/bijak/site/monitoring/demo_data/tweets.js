window.YTD.tweets.part0 = [
  {
    "tweet": {
      "id_str": "1790000000000000001",
      "id": "1790000000000000001",
      "created_at": "Mon Jan 08 01:15:02 +0000 2024",
      "full_text": "Selamat pagi! Posyandu balita di RW 05 buka Sabtu ini, ajak tetangga ya.",
      "lang": "in",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "72"
      ],
      "favorite_count": "0",
      "retweet_count": "0",
      "truncated": false,
      "retweeted": false,
      "favorited": false
    }
  },
  {
    "tweet": {
      "id_str": "1790000000000000002",
      "id": "1790000000000000002",
      "created_at": "Tue Jan 09 08:40:11 +0000 2024",
      "full_text": "Dasar dokter goblok, pelayanan puskesmas lelet banget. Telepon saya 081234567890 kalau mau protes",
      "lang": "in",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "97"
      ],
      "favorite_count": "0",
      "retweet_count": "0",
      "truncated": false,
      "retweeted": false,
      "favorited": false
    }
  },
  {
    "tweet": {
      "id_str": "1790000000000000003",
      "id": "1790000000000000003",
      "created_at": "Wed Jan 10 12:05:45 +0000 2024",
      "full_text": "Minum air kelapa bisa menyembuhkan covid dalam sehari",
      "lang": "in",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "53"
      ],
      "favorite_count": "0",
      "retweet_count": "0",
      "truncated": false,
      "retweeted": false,
      "favorited": false
    }
  },
  {
    "tweet": {
      "id_str": "1790000000000000004",
      "id": "1790000000000000004",
      "created_at": "Thu Jan 11 19:22:30 +0000 2024",
      "full_text": "😊🙏",
      "lang": "in",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "2"
      ],
      "favorite_count": "0",
      "retweet_count": "0",
      "truncated": false,
      "retweeted": false,
      "favorited": false
    }
  },
  {
    "tweet": {
      "id_str": "1790000000000000005",
      "id": "1790000000000000005",
      "created_at": "Fri Jan 12 03:00:00 +0000 2024",
      "full_text": "Ayo pilih pasangan nomor 2 di pilkada nanti, jangan golput!",
      "lang": "in",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "59"
      ],
      "favorite_count": "0",
      "retweet_count": "0",
      "truncated": false,
      "retweeted": false,
      "favorited": false
    }
  },
  {
    "tweet": {
      "id_str": "1790000000000000006",
      "id": "1790000000000000006",
      "created_at": "Sat Jan 13 06:30:00 +0000 2024",
      "full_text": "Materi penyuluhan gizi seimbang untuk remaja sudah bisa diunduh di situs resmi Kemenkes.",
      "lang": "in",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "88"
      ],
      "favorite_count": "0",
      "retweet_count": "0",
      "truncated": false,
      "retweeted": false,
      "favorited": false
    }
  },
  {
    "tweet": {
      "id_str": "1790000000000000007",
      "id": "1790000000000000007",
      "created_at": "Sun Jan 14 10:10:00 +0000 2024",
      "full_text": "Baru beli tas Hermes lagi, liburan ke Paris minggu depan #sultan",
      "lang": "in",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "64"
      ],
      "favorite_count": "0",
      "retweet_count": "0",
      "truncated": false,
      "retweeted": false,
      "favorited": false
    }
  },
  {
    "tweet": {
      "id_str": "1790000000000000008",
      "id": "1790000000000000008",
      "created_at": "Mon Jan 15 07:45:00 +0000 2024",
      "full_text": "Info slot gacor hari ini, daftar sekarang bonus 100%",
      "lang": "in",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "52"
      ],
      "favorite_count": "0",
      "retweet_count": "0",
      "truncated": false,
      "retweeted": false,
      "favorited": false
    }
  }
]
